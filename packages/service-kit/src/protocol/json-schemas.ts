/**
 * The protocol as JSON Schema (draft 2020-12), one document per event and one for the answer,
 * generated from the zod schemas so the published contract cannot drift from the code.
 */
import { z } from 'zod';
import { serviceAnswerSchema } from './answers.ts';
import {
  createFeatureEventSchema,
  createReleaseEventSchema,
  installedEventSchema,
  serviceEventSchema,
  updateFeatureEventSchema,
  updateReleaseEventSchema,
  webhookEventSchema,
} from './events.ts';
import { PROTOCOL_VERSION } from './version.ts';

const documents = {
  'event.installed': installedEventSchema,
  'event.create_feature': createFeatureEventSchema,
  'event.update_feature': updateFeatureEventSchema,
  'event.create_release': createReleaseEventSchema,
  'event.update_release': updateReleaseEventSchema,
  'event.webhook': webhookEventSchema,
  event: serviceEventSchema,
  answer: serviceAnswerSchema,
} as const;

/** File name (`event.create_feature.schema.json`) → the JSON text to commit. */
export function protocolJsonSchemaFiles(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(documents).map(([name, schema]) => {
      const json = {
        $id: `https://tandem.dev/services/protocol/v${PROTOCOL_VERSION}/${name}.schema.json`,
        ...z.toJSONSchema(schema, { io: name === 'answer' ? 'input' : 'output' }),
      };
      return [`${name}.schema.json`, `${JSON.stringify(json, null, 2)}\n`];
    }),
  );
}
