import type { Dispatcher } from 'undici'

/**
 * Reads an undici response body up to `limit` bytes. Past it, reading stops (leaving the loop destroys the
 * stream), so a misbehaving server cannot make us buffer more than `limit`.
 */
export async function readBody(
  body: Dispatcher.ResponseData['body'],
  limit: number
): Promise<{ bytes: Buffer; overLimit: boolean }> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of body as AsyncIterable<Buffer>) {
    const room = limit - size
    if (chunk.length > room) {
      chunks.push(chunk.subarray(0, room))
      return { bytes: Buffer.concat(chunks), overLimit: true }
    }
    chunks.push(chunk)
    size += chunk.length
  }
  return { bytes: Buffer.concat(chunks), overLimit: false }
}
