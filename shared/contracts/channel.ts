import { z } from 'zod'

/** One contract entry: the request schema, and the response type carried at the type level only. */
export function channel<Req extends z.ZodType, Res>(request: Req) {
  return { request, response: undefined as unknown as Res }
}

export const emptyRequest = z.strictObject({})
