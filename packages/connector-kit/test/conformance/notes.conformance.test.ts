import { runConformance } from '../../src/conformance/index.ts';
import { notesConformance } from '../support/notes-conformance.ts';

// The reference connector passes every suite, registered exactly as a real connector does it.
runConformance(notesConformance());
