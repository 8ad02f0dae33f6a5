/** Where the committed JSON Schemas of the protocol live. */
export const schemasDir = new URL('../../../docs/services/schemas/', import.meta.url);
