export type { Condition, Query, Value } from './ast.ts';
export { type EvalContext, evaluate, resolveField } from './evaluator.ts';
export { parse } from './parser.ts';
export { print } from './printer.ts';
export { wiqlError } from './tokenizer.ts';
