import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { Menu, MenuButton, MenuItem, MenuList } from './menu';

function renderMenu() {
  const onSelect = vi.fn();
  render(
    <Menu>
      <MenuButton>Actions</MenuButton>
      <MenuList>
        <MenuItem onSelect={() => onSelect('rename')}>Rename</MenuItem>
        <MenuItem onSelect={() => onSelect('duplicate')}>Duplicate</MenuItem>
        <MenuItem onSelect={() => onSelect('delete')}>Delete</MenuItem>
      </MenuList>
    </Menu>,
  );
  return { onSelect, button: screen.getByRole('button', { name: 'Actions' }) };
}

describe('Menu', () => {
  it('opens from the keyboard and moves focus with the arrow keys, Home and End', () => {
    const { button } = renderMenu();
    expect(button.getAttribute('aria-expanded')).toBe('false');
    fireEvent.keyDown(button, { key: 'ArrowDown' });
    expect(button.getAttribute('aria-expanded')).toBe('true');
    const menu = screen.getByRole('menu', { name: 'Actions' });
    const focused = () => document.activeElement?.textContent;
    expect(focused()).toBe('Rename');
    fireEvent.keyDown(menu, { key: 'ArrowDown' });
    expect(focused()).toBe('Duplicate');
    fireEvent.keyDown(menu, { key: 'End' });
    expect(focused()).toBe('Delete');
    fireEvent.keyDown(menu, { key: 'ArrowDown' });
    expect(focused()).toBe('Rename');
    fireEvent.keyDown(menu, { key: 'ArrowUp' });
    expect(focused()).toBe('Delete');
    fireEvent.keyDown(menu, { key: 'Home' });
    expect(focused()).toBe('Rename');
    fireEvent.keyDown(menu, { key: 'd' });
    expect(focused()).toBe('Duplicate');
  });

  it('closes on Escape and gives focus back to the button', () => {
    const { button } = renderMenu();
    fireEvent.click(button);
    fireEvent.keyDown(screen.getByRole('menu'), { key: 'Escape' });
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(button);
  });

  it('runs the chosen item and closes', () => {
    const { button, onSelect } = renderMenu();
    fireEvent.click(button);
    fireEvent.click(screen.getByRole('menuitem', { name: 'Duplicate' }));
    expect(onSelect).toHaveBeenCalledWith('duplicate');
    expect(screen.queryByRole('menu')).toBeNull();
  });

  it('closes on a click outside', () => {
    const { button } = renderMenu();
    fireEvent.click(button);
    fireEvent.pointerDown(document.body);
    expect(screen.queryByRole('menu')).toBeNull();
  });
});
