import { describe, expect, it } from 'vitest';
import { NodeMemo } from '../src/memo.js';

describe('NodeMemo', () => {
  it('keeps one value per node and helper, made once', () => {
    const lengths = new NodeMemo<number>();
    const names = new NodeMemo<string>();
    const node = { type: 'SentenceNode', children: [1, 2, 3] };
    let made = 0;
    const length = (n: typeof node) => (made++, n.children.length);
    expect(lengths.of(node, length)).toBe(3);
    expect(lengths.of(node, length)).toBe(3);
    expect(made).toBe(1);
    expect(names.get(node)).toBeUndefined();
    expect(names.set(node, 'a')).toBe('a');
    expect(names.get(node)).toBe('a');
    expect(lengths.get({ type: 'SentenceNode', children: [] })).toBeUndefined();
  });

  it('leaves the node as JSON, Object.keys and deep equality saw it', () => {
    const node = { type: 'SentenceNode', children: [] as number[] };
    new NodeMemo<number>().set(node, 1);
    expect(JSON.stringify(node)).toBe('{"type":"SentenceNode","children":[]}');
    expect(Object.keys(node)).toEqual(['type', 'children']);
    expect(node).toEqual({ type: 'SentenceNode', children: [] });
    expect(node).toStrictEqual({ type: 'SentenceNode', children: [] });
  });

  it('works on frozen nodes', () => {
    const memo = new NodeMemo<number>();
    const node = Object.freeze({ type: 'SentenceNode' });
    expect(memo.of(node, () => 7)).toBe(7);
    expect(memo.get(node)).toBe(7);
  });
});
