import type { Channel, ParsedRequestOf, ResponseOf } from '../../shared/contract'

/** The handlers for a set of channels: each takes the validated request and returns the response. */
export type HandlersFor<C extends Channel> = { [K in C]: (request: ParsedRequestOf<K>) => ResponseOf<K> | Promise<ResponseOf<K>> }
