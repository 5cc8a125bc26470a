/**
 * The building blocks of the renderer ↔ main contract. Each feature's contract file declares its calls and
 * events with these; `contract.ts` gathers them into the one `calls` / `events` table.
 */
import { z } from 'zod'

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

/** Schemas every feature's calls share. */
export const none = z.undefined()
/** A profile id (AppView.id). */
export const profileId = z.string().min(1).max(64)
export const byId = z.object({ id: profileId }).strict()
export const str = (max: number) => z.string().max(max)
