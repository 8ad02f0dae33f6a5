export { type IncomingMode, type OutgoingMode, sendsOut, takesIn } from './directions.ts';
export { type IncomingOptions, mapFromRemote, type RoadmapChanges } from './incoming.ts';
export type { MappingIssue } from './issues.ts';
export {
  mapToRemote,
  type OutgoingOptions,
  outgoingRoadmapFields,
  type RemotePayload,
} from './outgoing.ts';
export { parentField } from './parents.ts';
export { isBijective, type Translation, toRemoteValue, toRoadmapValue } from './value-map.ts';
