import { runConformance } from '../../src/conformance/index.ts';
import { notesConformance, notesConformanceConfig } from '../support/notes-conformance.ts';

// A connector that declares suites not applicable, with reasons: they show as one line each.
runConformance(
  notesConformance(undefined, {
    ...notesConformanceConfig,
    suites: {
      ...notesConformanceConfig.suites,
      attachments: { skip: 'pretend Notes has no attachments API' },
      webhooks: { skip: 'pretend Notes only supports polling' },
    },
  }),
);
