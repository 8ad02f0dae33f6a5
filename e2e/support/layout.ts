import { expect, type Locator, type Page } from '@playwright/test';

/** The two widths every layout check runs at: a laptop and a phone. */
export const WIDTHS = [
  { name: 'desktop', width: 1400, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;

/** The window does not scroll sideways: nothing on the page is wider than the viewport. */
export async function expectNoSideScroll(page: Page, what: string): Promise<void> {
  // A string, evaluated in the page (this package is typed without the DOM library).
  const size = (await page.evaluate(
    '({ scrollWidth: document.scrollingElement.scrollWidth, innerWidth: window.innerWidth })',
  )) as { scrollWidth: number; innerWidth: number };
  expect(size.scrollWidth, `${what} scrolls sideways at ${size.innerWidth} px`).toBeLessThanOrEqual(
    size.innerWidth,
  );
}

/** The element lies within the viewport horizontally (fully on screen, left to right). */
export async function expectOnScreen(locator: Locator, what: string): Promise<void> {
  const box = await locator.boundingBox();
  const width = (await locator.page().evaluate('window.innerWidth')) as number;
  expect(box, `${what} is rendered`).not.toBeNull();
  expect(box!.x, `${what} starts on screen`).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width, `${what} ends on screen`).toBeLessThanOrEqual(width + 0.5);
}

/** The width of every element matched, in CSS pixels (for "this column did not collapse"). */
export async function widthsOf(locator: Locator): Promise<number[]> {
  return locator.evaluateAll((els) => els.map((el) => el.getBoundingClientRect().width));
}

/**
 * Names squeezed by their row: those shown narrower than `minWidth` px while their text is cut
 * (a short name that fits in fewer pixels is not squeezed). Each as `text (width px)`.
 */
export async function squeezedNames(locator: Locator, minWidth: number): Promise<string[]> {
  return locator.evaluateAll(
    (els, min) =>
      els
        .filter((el) => {
          const width = el.getBoundingClientRect().width;
          const cut = el.scrollWidth > el.clientWidth + 1;
          return width < min && (cut || width < 1);
        })
        .map(
          (el) => `${el.textContent ?? ''} (${Math.round(el.getBoundingClientRect().width)} px)`,
        ),
    minWidth,
  );
}

/** Whether two elements' boxes overlap (e.g. a badge drawn over a date). */
export async function overlap(a: Locator, b: Locator): Promise<boolean> {
  const [x, y] = [await a.boundingBox(), await b.boundingBox()];
  if (!x || !y) return false;
  return x.x < y.x + y.width && y.x < x.x + x.width && x.y < y.y + y.height && y.y < x.y + x.height;
}
