/** Which directions carry a value in which situation. */
import type { FieldDirection } from '../config.ts';

/** `create`: the remote record is being created by a send; `update`: it already exists. */
export type OutgoingMode = 'create' | 'update';
/** `import`: the roadmap record is being created from the remote; `update`: it already exists. */
export type IncomingMode = 'import' | 'update';

/** Does a mapping with this direction write the remote side now? */
export function sendsOut(direction: FieldDirection, mode: OutgoingMode): boolean {
  return (
    direction === 'to_remote' ||
    direction === 'both' ||
    (direction === 'set_once' && mode === 'create')
  );
}

/** Does a mapping with this direction write the roadmap side now? */
export function takesIn(direction: FieldDirection, mode: IncomingMode): boolean {
  return (
    direction === 'from_remote' ||
    direction === 'both' ||
    (direction === 'set_once' && mode === 'import')
  );
}
