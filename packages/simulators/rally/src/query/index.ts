export { type Expr, OPERATORS, type Operator, QueryError, type Value } from './ast.ts';
export { compile, compileOrder, resolvePath } from './evaluator.ts';
export { parse } from './parser.ts';
export { print } from './printer.ts';
export { tokenize } from './tokenizer.ts';
