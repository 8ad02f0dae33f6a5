export { type Received, startReceiver } from './receiver.ts';
