/**
 * The building blocks of the renderer ↔ main contract. Each feature's contract file declares its calls and
 * events with these; `contract.ts` gathers them into the one `calls` / `events` table.
 */
import type { z } from 'zod'

/** A call: its input schema, and (as a phantom type) its output. */
export interface CallSpec<I extends z.ZodType, O> {
  input: I
  /** Never set: carries the output type. */
  readonly output?: O
}

/** Declares a call returning `O`: `call<Output>()(inputSchema)`. */
export const call =
  <O>() =>
  <I extends z.ZodType>(input: I): CallSpec<I, O> => ({ input })

/** An event main pushes to the renderer, carrying `P`. */
export interface EventSpec<P> {
  readonly payload?: P
}

export const event = <P>(): EventSpec<P> => ({})
