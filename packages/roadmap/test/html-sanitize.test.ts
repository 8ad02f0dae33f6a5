import { describe, expect, it } from 'vitest';
import { sanitizeRichText } from '../src/index.ts';

describe('sanitizeRichText', () => {
  it('keeps what the editor produces', () => {
    const html =
      '<h2>Why</h2><p><strong>Bold</strong> <em>it</em> <u>u</u> <s>s</s> <code>x()</code></p>' +
      '<pre><code>let a = 1;</code></pre><blockquote><p>quote</p></blockquote>' +
      '<ul><li>one</li></ul><ol><li>two</li></ol><hr><p>a<br>b</p>';
    expect(sanitizeRichText(html)).toBe(html.replace('<hr>', '<hr />').replace('<br>', '<br />'));
  });

  it('drops scripts with their content, event handlers and styles', () => {
    const out = sanitizeRichText(
      '<p style="color:red" onclick="x()">Hi<script>alert(1)</script></p><img src=x onerror="alert(2)"><style>p{}</style>',
    );
    expect(out).toBe('<p>Hi</p>');
  });

  it('allows http, https and mailto links only, opening in a new tab safely', () => {
    expect(sanitizeRichText('<a href="https://tandem.dev" onmouseover="x()">t</a>')).toBe(
      '<a href="https://tandem.dev" target="_blank" rel="noopener noreferrer nofollow">t</a>',
    );
    expect(sanitizeRichText('<a href="mailto:pm@tandem.dev">m</a>')).toContain(
      'href="mailto:pm@tandem.dev"',
    );
    for (const bad of [
      'javascript:alert(1)',
      'data:text/html,hi',
      '//evil.test/x',
      'JaVaScRiPt:x',
    ]) {
      expect(sanitizeRichText(`<a href="${bad}">x</a>`)).not.toContain('href');
    }
  });

  it('is idempotent', () => {
    const once = sanitizeRichText(
      '<p onclick="x">a <a href="https://a.test">b</a></p><iframe></iframe>',
    );
    expect(sanitizeRichText(once)).toBe(once);
  });
});
