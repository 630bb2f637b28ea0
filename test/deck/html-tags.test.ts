import { describe, expect, it } from 'vitest';
import { findHtmlTags, findInlineHtmlTags } from '../../src/core/deck/html-tags';
import { stripHtmlTags } from '../../src/core/render/raw-html';

const names = (text: string) => findHtmlTags(text).map((tag) => `${tag.closing ? '/' : ''}${tag.name}${tag.selfClosing ? '/' : ''}@${tag.start}-${tag.end}`);

describe('finding raw HTML tags', () => {
  it('finds open, closing and self-closing tags with attributes, as CommonMark reads them', () => {
    expect(names('a <b>bold</b> <br/> <img src="x.png" alt=\'a > b\' width=10> <DIV  class = "c" >')).toEqual([
      'b@2-5',
      '/b@9-13',
      'br/@14-19',
      'img@20-58',
      'div@59-78',
    ]);
  });

  it('takes no comment, autolink, e-mail, escaped tag, comparison or broken tag for a tag', () => {
    expect(names('<!-- note --> <https://x.org> <a@b.org> \\<em> a < b > c <1> <a b="unclosed> <a/b> </a x>')).toEqual([]);
    expect(names('\\\\<em>')).toEqual(['em@2-6']);
  });

  it('skips inline code spans', () => {
    expect(findInlineHtmlTags('`<b>` <i>x</i> ``a `<u>` b`` <s>').map((tag) => tag.name)).toEqual(['i', 'i', 's']);
  });

  it('runs in linear time on 1 MB of adversarial text', () => {
    const inputs = ['<a x="'.repeat(170_000), '<a '.repeat(340_000), '<a x=1 '.repeat(150_000), '`<b>'.repeat(250_000), '<'.repeat(1_000_000)];
    for (const input of inputs) {
      const started = performance.now();
      findInlineHtmlTags(input);
      stripHtmlTags(input);
      // About 0.1 s here; the budget is generous so that a loaded machine does not fail it.
      expect(performance.now() - started).toBeLessThan(5_000);
    }
  });
});
