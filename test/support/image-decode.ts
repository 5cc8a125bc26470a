import { crc32, inflateSync } from 'node:zlib'
import QRCode from 'qrcode'

// Decoders for the emulator's images, written from the specifications (PNG: ISO/IEC 15948; JPEG: ITU-T T.81
// baseline) and independent of the encoders: a test reads an image the way a viewer would, then checks
// its pixels.

export interface DecodedImage {
  format: 'png' | 'jpeg'
  width: number
  height: number
  /** 3 (RGB) or 4 (RGBA) values per pixel. */
  channels: 3 | 4
  pixels: Uint8Array
}

export function decodeImage(bytes: Uint8Array): DecodedImage {
  const data = Buffer.from(bytes)
  if (data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return decodePng(data)
  if (data[0] === 0xff && data[1] === 0xd8) return decodeJpeg(data)
  throw new Error(`Neither PNG nor JPEG: starts with ${data.subarray(0, 8).toString('hex')}`)
}

/** An image's width and height from its header alone (PNG IHDR, JPEG SOF0), without decoding it. */
export function imageSize(bytes: Uint8Array): { width: number; height: number } {
  const data = Buffer.from(bytes)
  if (data[0] === 0x89) return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) }
  for (let at = 2; at + 4 < data.length; at += 2 + data.readUInt16BE(at + 2)) {
    if (data[at] !== 0xff) break
    if (data[at + 1] === 0xc0) return { width: data.readUInt16BE(at + 7), height: data.readUInt16BE(at + 5) }
  }
  throw new Error('No image header found')
}

export function decodePng(data: Buffer): DecodedImage {
  let at = 8
  let width = 0
  let height = 0
  let colorType = -1
  const idat: Buffer[] = []
  let ended = false
  while (at < data.length) {
    const length = data.readUInt32BE(at)
    const type = data.subarray(at + 4, at + 8).toString('latin1')
    const body = data.subarray(at + 8, at + 8 + length)
    const crc = data.readUInt32BE(at + 8 + length)
    if (crc32(data.subarray(at + 4, at + 8 + length)) !== crc) throw new Error(`PNG: bad CRC in ${type}`)
    if (type === 'IHDR') {
      width = body.readUInt32BE(0)
      height = body.readUInt32BE(4)
      if (body[8] !== 8 || body[10] !== 0 || body[11] !== 0 || body[12] !== 0)
        throw new Error('PNG: unsupported IHDR')
      colorType = body[9] ?? -1
    } else if (type === 'IDAT') idat.push(body)
    else if (type === 'IEND') {
      ended = true
      break
    }
    at += 12 + length
  }
  if (!ended) throw new Error('PNG: no IEND')
  if (colorType !== 2 && colorType !== 6) throw new Error(`PNG: colour type ${colorType}`)
  const channels = colorType === 2 ? 3 : 4
  const raw = inflateSync(Buffer.concat(idat))
  const stride = width * channels
  if (raw.length !== height * (stride + 1)) throw new Error('PNG: image data has the wrong size')
  const pixels = new Uint8Array(height * stride)
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x]!
      const left = x >= channels ? pixels[y * stride + x - channels]! : 0
      const up = y > 0 ? pixels[(y - 1) * stride + x]! : 0
      const upLeft = y > 0 && x >= channels ? pixels[(y - 1) * stride + x - channels]! : 0
      let predicted = 0
      if (filter === 1) predicted = left
      else if (filter === 2) predicted = up
      else if (filter === 3) predicted = Math.floor((left + up) / 2)
      else if (filter === 4) {
        const p = left + up - upLeft
        const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)]
        predicted = pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft
      } else if (filter !== 0) throw new Error(`PNG: filter ${filter}`)
      pixels[y * stride + x] = (value + predicted) & 0xff
    }
  }
  return { format: 'png', width, height, channels, pixels }
}

interface Huffman {
  /** `${length}:${code}` → symbol */
  codes: Map<string, number>
}

function huffmanOf(counts: number[], symbols: number[]): Huffman {
  const codes = new Map<string, number>()
  let code = 0
  let k = 0
  for (let length = 1; length <= 16; length++) {
    for (let i = 0; i < counts[length - 1]!; i++) codes.set(`${length}:${code++}`, symbols[k++]!)
    code <<= 1
  }
  return { codes }
}

const ZIGZAG: number[] = (() => {
  const order: number[] = []
  for (let s = 0; s < 15; s++) {
    const diagonal: number[] = []
    for (let row = 0; row <= s; row++) if (row < 8 && s - row < 8) diagonal.push(row * 8 + (s - row))
    order.push(...(s % 2 === 0 ? diagonal.reverse() : diagonal))
  }
  return order
})()

/** Baseline sequential JPEG with 1×1 sampling (what the emulator writes); anything else throws. */
export function decodeJpeg(data: Buffer): DecodedImage {
  const quant = new Map<number, number[]>()
  const tables = new Map<string, Huffman>()
  let width = 0
  let height = 0
  let frame: { id: number; tq: number }[] = []
  let at = 2
  for (;;) {
    if (data[at] !== 0xff) throw new Error(`JPEG: expected a marker at ${at}`)
    const marker = data[at + 1]!
    const length = data.readUInt16BE(at + 2)
    const body = data.subarray(at + 4, at + 2 + length)
    at += 2 + length
    if (marker === 0xdb) {
      for (let i = 0; i < body.length; i += 65) {
        if (body[i]! >> 4 !== 0) throw new Error('JPEG: 16-bit quantisation')
        const table = new Array<number>(64)
        for (let k = 0; k < 64; k++) table[ZIGZAG[k]!] = body[i + 1 + k]!
        quant.set(body[i]! & 15, table)
      }
    } else if (marker === 0xc0) {
      if (body[0] !== 8) throw new Error('JPEG: precision')
      height = body.readUInt16BE(1)
      width = body.readUInt16BE(3)
      frame = []
      for (let c = 0; c < body[5]!; c++) {
        const [id, sampling, tq] = [body[6 + 3 * c]!, body[7 + 3 * c]!, body[8 + 3 * c]!]
        if (sampling !== 0x11) throw new Error('JPEG: only 1×1 sampling here')
        frame.push({ id, tq })
      }
    } else if (marker === 0xc4) {
      for (let i = 0; i < body.length;) {
        const counts = [...body.subarray(i + 1, i + 17)]
        const total = counts.reduce((a, b) => a + b, 0)
        tables.set(
          `${body[i]! >> 4}:${body[i]! & 15}`,
          huffmanOf(counts, [...body.subarray(i + 17, i + 17 + total)])
        )
        i += 17 + total
      }
    } else if (marker === 0xda) {
      return decodeScan(data, at, body, { width, height, frame, quant, tables })
    } else if (marker >= 0xc1 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      throw new Error(`JPEG: not baseline (SOF ${marker.toString(16)})`)
    }
  }
}

/** C(u)/2 · cos((2x+1)uπ/16), indexed [x * 8 + u]. */
const IDCT: number[] = (() => {
  const table: number[] = []
  for (let x = 0; x < 8; x++) {
    for (let u = 0; u < 8; u++)
      table.push(((u === 0 ? Math.SQRT1_2 : 1) / 2) * Math.cos(((2 * x + 1) * u * Math.PI) / 16))
  }
  return table
})()

interface Frame {
  width: number
  height: number
  frame: { id: number; tq: number }[]
  quant: Map<number, number[]>
  tables: Map<string, Huffman>
}

function decodeScan(data: Buffer, start: number, sos: Buffer, f: Frame): DecodedImage {
  const count = sos[0]!
  if (count !== f.frame.length) throw new Error('JPEG: a scan must hold every component here')
  const scan = f.frame.map((component, c) => {
    if (sos[1 + 2 * c] !== component.id) throw new Error('JPEG: scan order')
    const selectors = sos[2 + 2 * c]!
    return {
      dc: f.tables.get(`0:${selectors >> 4}`)!,
      ac: f.tables.get(`1:${selectors & 15}`)!,
      quant: f.quant.get(component.tq)!,
      predictor: 0
    }
  })
  let at = start
  let bits = 0
  let filled = 0
  const bit = (): number => {
    if (filled === 0) {
      const byte = data[at++]!
      if (byte === 0xff) {
        if (data[at] !== 0) throw new Error(`JPEG: marker inside the scan at ${at}`)
        at++
      }
      bits = byte
      filled = 8
    }
    filled--
    return (bits >> filled) & 1
  }
  const receive = (size: number): number => {
    let value = 0
    for (let i = 0; i < size; i++) value = (value << 1) | bit()
    return size > 0 && value < 1 << (size - 1) ? value - (1 << size) + 1 : value
  }
  const decodeSymbol = (table: Huffman): number => {
    let code = 0
    for (let length = 1; length <= 16; length++) {
      code = (code << 1) | bit()
      const symbol = table.codes.get(`${length}:${code}`)
      if (symbol !== undefined) return symbol
    }
    throw new Error('JPEG: bad Huffman code')
  }
  const planes = f.frame.map(() => new Float64Array(f.width * f.height))
  const coefficients = new Float64Array(64)
  const columns = new Float64Array(64)
  for (let by = 0; by < f.height; by += 8) {
    for (let bx = 0; bx < f.width; bx += 8) {
      scan.forEach((component, c) => {
        coefficients.fill(0)
        component.predictor += receive(decodeSymbol(component.dc))
        coefficients[0] = component.predictor * component.quant[0]!
        for (let k = 1; k < 64;) {
          const symbol = decodeSymbol(component.ac)
          if (symbol === 0x00) break
          if (symbol === 0xf0) {
            k += 16
            continue
          }
          k += symbol >> 4
          const n = ZIGZAG[k]!
          coefficients[n] = receive(symbol & 15) * component.quant[n]!
          k++
        }
        // The inverse DCT, separably: columns, then rows.
        for (let u = 0; u < 8; u++) {
          for (let y = 0; y < 8; y++) {
            let sum = 0
            for (let v = 0; v < 8; v++) sum += IDCT[y * 8 + v]! * coefficients[v * 8 + u]!
            columns[y * 8 + u] = sum
          }
        }
        for (let y = 0; y < 8; y++) {
          for (let x = 0; x < 8; x++) {
            if (by + y >= f.height || bx + x >= f.width) continue
            let sum = 0
            for (let u = 0; u < 8; u++) sum += IDCT[x * 8 + u]! * columns[y * 8 + u]!
            planes[c]![(by + y) * f.width + bx + x] = sum
          }
        }
      })
    }
  }
  // What is left of the last byte is 1-padding, and the image ends there.
  while (filled > 0) if (bit() !== 1) throw new Error('JPEG: the scan does not end with 1-padding')
  if (data[at] !== 0xff || data[at + 1] !== 0xd9) throw new Error('JPEG: no EOI after the scan')
  const pixels = new Uint8Array(f.width * f.height * 3)
  const clamp = (value: number): number => Math.max(0, Math.min(255, Math.round(value)))
  for (let i = 0; i < f.width * f.height; i++) {
    const [y, cb, cr] = [planes[0]![i]! + 128, planes[1]?.[i] ?? 0, planes[2]?.[i] ?? 0]
    pixels[i * 3] = clamp(y + 1.402 * cr)
    pixels[i * 3 + 1] = clamp(y - 0.344136 * cb - 0.714136 * cr)
    pixels[i * 3 + 2] = clamp(y + 1.772 * cb)
  }
  return { format: 'jpeg', width: f.width, height: f.height, channels: 3, pixels }
}

/** Whether a pixel is "ink": dark enough, and opaque when the image has alpha. */
function isDark(image: DecodedImage, x: number, y: number): boolean {
  const i = (y * image.width + x) * image.channels
  if (image.channels === 4 && image.pixels[i + 3]! < 128) return false
  return image.pixels[i]! + image.pixels[i + 1]! + image.pixels[i + 2]! < 3 * 160
}

/**
 * Reads the image as a QR code would be read: finds the symbol by its dark bounding box, samples the centre
 * of each module, and compares with the modules of `text` at error correction M. True when every one matches.
 */
export function showsQrCodeOf(image: DecodedImage, text: string): boolean {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' })
  let [left, top, right, bottom] = [image.width, image.height, -1, -1]
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      if (!isDark(image, x, y)) continue
      left = Math.min(left, x)
      right = Math.max(right, x)
      top = Math.min(top, y)
      bottom = Math.max(bottom, y)
    }
  }
  const scale = (right - left + 1) / modules.size
  if (Math.abs(scale - (bottom - top + 1) / modules.size) > 0.01) return false
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      const x = Math.floor(left + (col + 0.5) * scale)
      const y = Math.floor(top + (row + 0.5) * scale)
      if (isDark(image, x, y) !== (modules.get(row, col) === 1)) return false
    }
  }
  return true
}

/** The channels of pixel (x, y): [r, g, b] or [r, g, b, a]. */
export function pixelAt(image: DecodedImage, x: number, y: number): number[] {
  const i = (y * image.width + x) * image.channels
  return [...image.pixels.subarray(i, i + image.channels)]
}
