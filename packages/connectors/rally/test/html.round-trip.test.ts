import { RemoteError } from '@tandem/connector-kit';
import { describe, expect, it } from 'vitest';
import { fromRallyHtml, sameRichText, toRallyHtml } from '../src/html.ts';

const editorHtml = [
  '<h2>Goal</h2>',
  '<p>Export the <strong>roadmap</strong> to <em>CSV</em> &amp; Excel.<br>Second line</p>',
  '<ul><li><p>one</p></li><li><p>two <a href="https://example.com/a?b=1&amp;c=2">link</a></p></li></ul>',
  '<pre><code>a &lt; b</code></pre><img src="https://example.com/x.png" alt="x">',
].join('');

describe('roadmap HTML ↔ Rally rich text', () => {
  it('leaves the editor HTML as it is', () => {
    expect(toRallyHtml(editorHtml)).toBe(editorHtml);
    expect(fromRallyHtml(toRallyHtml(editorHtml))).toBe(editorHtml);
  });

  it('undoes only Rally’s spelling of void elements', () => {
    expect(fromRallyHtml('<p>a<br />b</p><hr/><img src="x.png" />')).toBe(
      '<p>a<br>b</p><hr><img src="x.png">',
    );
    expect(sameRichText('<p>a<br>b</p>', '<p>a<BR />b</p>')).toBe(true);
    expect(sameRichText('<p>a</p>', '<p>b</p>')).toBe(false);
  });

  it('drops what Rally’s whitelist would drop', () => {
    expect(
      toRallyHtml(
        '<p onclick="x()">hi</p><script>alert(1)</script><a href="javascript:alert(1)">x</a>',
      ),
    ).toBe('<p>hi</p><a href="#">x</a>');
  });

  it('treats an empty editor document as empty', () => {
    expect(toRallyHtml('<p></p>')).toBe('');
    expect(toRallyHtml(null)).toBe('');
    expect(fromRallyHtml('')).toBe('');
    expect(fromRallyHtml(null)).toBe('');
  });

  it('refuses more than 32 KB with a field error', () => {
    const error = (() => {
      try {
        toRallyHtml(`<p>${'x'.repeat(33 * 1024)}</p>`, 'Notes');
      } catch (e) {
        return e;
      }
    })();
    expect(RemoteError.is(error)).toBe(true);
    expect((error as RemoteError).fieldErrors[0]?.field).toBe('Notes');
  });
});
