import { describe, expect, it } from 'vitest';
import { articleId } from './normalise';
import { newArticleId } from './newArticleId';

const wire = (text: string, record: string) => ({ urls: [], title: 'U.S. TREASURY BALANCES AT FEDERAL RESERVE', date: '1987-03-02', text, record });

describe('newArticleId', () => {
  it('identifies an article with an address by its smallest address, as articleId always did', () => {
    const source = { urls: ['https://b.example/story', 'https://a.example/story/'], title: 'Floods in the lower town', date: '2022-11-16', text: 'Floods', record: 'x.jsonl line 1' };
    expect(newArticleId(source, new Set())).toBe(articleId('https://a.example/story', source.title, source.date));
  });

  it('gives records without an address, with one title on one day, different ids when their texts differ', () => {
    const a = newArticleId(wire('Balances fell to 3.275 billion dlrs.', 'r.jsonl line 1'), new Set());
    const b = newArticleId(wire('Balances rose to 4.110 billion dlrs.', 'r.jsonl line 2'), new Set());
    expect(a).not.toBe(b);
    // The same text gives the same id wherever it is in the file.
    expect(newArticleId(wire('Balances fell to 3.275 billion dlrs.', 'r.jsonl line 9'), new Set())).toBe(a);
    expect(a).toMatch(/^[0-9a-f]{16}$/);
  });

  it('takes the next candidate when an id is taken, and gives up only when every one is', () => {
    const source = wire('Balances fell to 3.275 billion dlrs.', 'r.jsonl line 1');
    const first = newArticleId(source, new Set())!;
    const second = newArticleId(source, new Set([first]))!;
    expect(second).not.toBe(first);
    expect(newArticleId(source, new Set([first, second]))).toBeNull();
  });
});
