/** The kit's zod, so a service folder outside the workspace declares its config with the same copy. */
export { z } from 'zod';
export {
  defineService,
  type Handler,
  type HandlerContext,
  type Handlers,
  type Service,
  type ServiceDefinition,
  ServiceError,
} from './define-service.ts';
export { type DeliveryOptions, type DeliveryResult, handleDelivery } from './handle-delivery.ts';
export { memoryReplayGuard, type ReplayGuard } from './replay-guard.ts';
export {
  createRequestListener,
  type RunningService,
  type ServeOptions,
  serveService,
  serviceConfiguration,
} from './serve.ts';
