import type { Raster } from './raster'

// A baseline JPEG writer (ITU-T T.81, JFIF): YCbCr 4:4:4, one scan, the example quantisation and Huffman
// tables of the standard's Annex K. WeChat serves its codes as JPEG; this writes real ones with no
// dependency. An alpha channel, if any, is dropped (JPEG has none).

/** Annex K.1, in natural (row-major) order. */
const LUMINANCE_QUANT = [
  16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55, 14, 13, 16, 24, 40, 57, 69, 56, 14, 17, 22,
  29, 51, 87, 80, 62, 18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92, 49, 64, 78, 87, 103,
  121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99
]
const CHROMINANCE_QUANT = [
  17,
  18,
  24,
  47,
  99,
  99,
  99,
  99,
  18,
  21,
  26,
  66,
  99,
  99,
  99,
  99,
  24,
  26,
  56,
  99,
  99,
  99,
  99,
  99,
  47,
  66,
  99,
  ...new Array<number>(37).fill(99)
]

/** A Huffman table as DHT carries it: how many codes of each length 1…16, then the symbols in code order. */
export interface HuffmanSpec {
  counts: readonly number[]
  symbols: readonly number[]
}

/** Annex K.3. */
export const DC_LUMINANCE: HuffmanSpec = {
  counts: [0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0],
  symbols: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]
}
export const DC_CHROMINANCE: HuffmanSpec = {
  counts: [0, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0],
  symbols: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]
}
export const AC_LUMINANCE: HuffmanSpec = {
  counts: [0, 2, 1, 3, 3, 2, 4, 3, 5, 5, 4, 4, 0, 0, 1, 0x7d],
  symbols: [
    0x01, 0x02, 0x03, 0x00, 0x04, 0x11, 0x05, 0x12, 0x21, 0x31, 0x41, 0x06, 0x13, 0x51, 0x61, 0x07, 0x22,
    0x71, 0x14, 0x32, 0x81, 0x91, 0xa1, 0x08, 0x23, 0x42, 0xb1, 0xc1, 0x15, 0x52, 0xd1, 0xf0, 0x24, 0x33,
    0x62, 0x72, 0x82, 0x09, 0x0a, 0x16, 0x17, 0x18, 0x19, 0x1a, 0x25, 0x26, 0x27, 0x28, 0x29, 0x2a, 0x34,
    0x35, 0x36, 0x37, 0x38, 0x39, 0x3a, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48, 0x49, 0x4a, 0x53, 0x54, 0x55,
    0x56, 0x57, 0x58, 0x59, 0x5a, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6a, 0x73, 0x74, 0x75, 0x76,
    0x77, 0x78, 0x79, 0x7a, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8a, 0x92, 0x93, 0x94, 0x95, 0x96,
    0x97, 0x98, 0x99, 0x9a, 0xa2, 0xa3, 0xa4, 0xa5, 0xa6, 0xa7, 0xa8, 0xa9, 0xaa, 0xb2, 0xb3, 0xb4, 0xb5,
    0xb6, 0xb7, 0xb8, 0xb9, 0xba, 0xc2, 0xc3, 0xc4, 0xc5, 0xc6, 0xc7, 0xc8, 0xc9, 0xca, 0xd2, 0xd3, 0xd4,
    0xd5, 0xd6, 0xd7, 0xd8, 0xd9, 0xda, 0xe1, 0xe2, 0xe3, 0xe4, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9, 0xea, 0xf1,
    0xf2, 0xf3, 0xf4, 0xf5, 0xf6, 0xf7, 0xf8, 0xf9, 0xfa
  ]
}
export const AC_CHROMINANCE: HuffmanSpec = {
  counts: [0, 2, 1, 2, 4, 4, 3, 4, 7, 5, 4, 4, 0, 1, 2, 0x77],
  symbols: [
    0x00, 0x01, 0x02, 0x03, 0x11, 0x04, 0x05, 0x21, 0x31, 0x06, 0x12, 0x41, 0x51, 0x07, 0x61, 0x71, 0x13,
    0x22, 0x32, 0x81, 0x08, 0x14, 0x42, 0x91, 0xa1, 0xb1, 0xc1, 0x09, 0x23, 0x33, 0x52, 0xf0, 0x15, 0x62,
    0x72, 0xd1, 0x0a, 0x16, 0x24, 0x34, 0xe1, 0x25, 0xf1, 0x17, 0x18, 0x19, 0x1a, 0x26, 0x27, 0x28, 0x29,
    0x2a, 0x35, 0x36, 0x37, 0x38, 0x39, 0x3a, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48, 0x49, 0x4a, 0x53, 0x54,
    0x55, 0x56, 0x57, 0x58, 0x59, 0x5a, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6a, 0x73, 0x74, 0x75,
    0x76, 0x77, 0x78, 0x79, 0x7a, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8a, 0x92, 0x93, 0x94,
    0x95, 0x96, 0x97, 0x98, 0x99, 0x9a, 0xa2, 0xa3, 0xa4, 0xa5, 0xa6, 0xa7, 0xa8, 0xa9, 0xaa, 0xb2, 0xb3,
    0xb4, 0xb5, 0xb6, 0xb7, 0xb8, 0xb9, 0xba, 0xc2, 0xc3, 0xc4, 0xc5, 0xc6, 0xc7, 0xc8, 0xc9, 0xca, 0xd2,
    0xd3, 0xd4, 0xd5, 0xd6, 0xd7, 0xd8, 0xd9, 0xda, 0xe2, 0xe3, 0xe4, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9, 0xea,
    0xf2, 0xf3, 0xf4, 0xf5, 0xf6, 0xf7, 0xf8, 0xf9, 0xfa
  ]
}

/** Position in natural order of the n-th coefficient in zig-zag order. */
export const ZIGZAG: readonly number[] = (() => {
  const order: number[] = []
  for (let sum = 0; sum < 15; sum++) {
    const cells: number[] = []
    for (let row = 0; row <= sum; row++) {
      const col = sum - row
      if (row < 8 && col < 8) cells.push(row * 8 + col)
    }
    // Even diagonals run bottom-left to top-right, odd ones the other way.
    order.push(...(sum % 2 === 0 ? cells.reverse() : cells))
  }
  return order
})()

/** The canonical codes of a table (T.81 Annex C), indexed by symbol; length 0 for a symbol it lacks. */
interface HuffmanCodes {
  code: Uint16Array
  length: Uint8Array
}

function codesOf(spec: HuffmanSpec): HuffmanCodes {
  const codes: HuffmanCodes = { code: new Uint16Array(256), length: new Uint8Array(256) }
  let code = 0
  let k = 0
  for (let length = 1; length <= 16; length++) {
    for (let i = 0; i < (spec.counts[length - 1] ?? 0); i++) {
      const symbol = spec.symbols[k++] ?? 0
      codes.code[symbol] = code++
      codes.length[symbol] = length
    }
    code <<= 1
  }
  return codes
}

/** The standard's quality scaling (as IJG's libjpeg applies it): 50 is the table itself, 100 all ones. */
function scaled(table: readonly number[], quality: number): number[] {
  const factor = quality < 50 ? 5000 / quality : 200 - 2 * quality
  return table.map((q) => Math.min(255, Math.max(1, Math.floor((q * factor + 50) / 100))))
}

/** cos((2x+1)uπ/16) · C(u) / 2, the separable forward DCT's basis. */
const BASIS = (() => {
  const basis = new Float64Array(64)
  for (let u = 0; u < 8; u++) {
    for (let x = 0; x < 8; x++) {
      basis[u * 8 + x] = ((u === 0 ? Math.SQRT1_2 : 1) / 2) * Math.cos(((2 * x + 1) * u * Math.PI) / 16)
    }
  }
  return basis
})()

class BitWriter {
  private bytes = new Uint8Array(1 << 16)
  private size = 0
  private buffer = 0
  private filled = 0

  /** Writes the low `length` bits of `value` (at most 16), most significant first. */
  write(value: number, length: number): void {
    this.buffer = (this.buffer << length) | (value & ((1 << length) - 1))
    this.filled += length
    while (this.filled >= 8) {
      this.filled -= 8
      this.push((this.buffer >>> this.filled) & 0xff)
    }
    this.buffer &= (1 << this.filled) - 1
  }

  /** Pads the last byte with 1 bits, as T.81 asks. */
  finish(): Buffer {
    if (this.filled > 0) this.write(0xff, 8 - this.filled)
    return Buffer.from(this.bytes.subarray(0, this.size))
  }

  private push(byte: number): void {
    if (this.size + 2 > this.bytes.length) {
      const grown = new Uint8Array(this.bytes.length * 2)
      grown.set(this.bytes)
      this.bytes = grown
    }
    this.bytes[this.size++] = byte
    // A 0xFF in entropy-coded data is followed by a stuffed 0 so it is not read as a marker.
    if (byte === 0xff) this.bytes[this.size++] = 0
  }
}

interface Component {
  id: number
  quant: number[]
  dc: HuffmanCodes
  ac: HuffmanCodes
  table: 0 | 1
  predictor: number
}

/** The magnitude category of a coefficient (how many bits it takes), 0 for 0. */
function sizeOf(value: number): number {
  let magnitude = value < 0 ? -value : value
  let size = 0
  while (magnitude > 0) {
    size++
    magnitude >>= 1
  }
  return size
}

function put(out: BitWriter, codes: HuffmanCodes, symbol: number): void {
  const length = codes.length[symbol] ?? 0
  if (length === 0) throw new Error(`JPEG: no Huffman code for symbol ${symbol}`)
  out.write(codes.code[symbol] ?? 0, length)
}

/** A value of `size` bits as JPEG appends it after its category: negatives as value − 1 in `size` bits. */
function putValue(out: BitWriter, value: number, size: number): void {
  if (size > 0) out.write(value < 0 ? value + (1 << size) - 1 : value, size)
}

const rows = new Float64Array(64)
const quantised = new Int32Array(64)

/** The forward DCT of a level-shifted block, quantised. A flat block (most of a QR code's) has only DC. */
function transform(block: Float64Array, quant: readonly number[]): void {
  quantised.fill(0)
  const first = block[0] ?? 0
  if (block.every((value) => value === first)) {
    quantised[0] = Math.round((8 * first) / (quant[0] ?? 1))
    return
  }
  for (let y = 0; y < 8; y++) {
    for (let u = 0; u < 8; u++) {
      let sum = 0
      for (let x = 0; x < 8; x++) sum += (BASIS[u * 8 + x] ?? 0) * (block[y * 8 + x] ?? 0)
      rows[y * 8 + u] = sum
    }
  }
  for (let v = 0; v < 8; v++) {
    for (let u = 0; u < 8; u++) {
      let sum = 0
      for (let y = 0; y < 8; y++) sum += (BASIS[v * 8 + y] ?? 0) * (rows[y * 8 + u] ?? 0)
      quantised[v * 8 + u] = Math.round(sum / (quant[v * 8 + u] ?? 1))
    }
  }
}

function encodeBlock(block: Float64Array, component: Component, out: BitWriter): void {
  transform(block, component.quant)
  const dc = quantised[0] ?? 0
  const diff = dc - component.predictor
  component.predictor = dc
  const diffSize = sizeOf(diff)
  put(out, component.dc, diffSize)
  putValue(out, diff, diffSize)
  let run = 0
  for (let k = 1; k < 64; k++) {
    const value = quantised[ZIGZAG[k] ?? 0] ?? 0
    if (value === 0) {
      run++
      continue
    }
    for (; run > 15; run -= 16) put(out, component.ac, 0xf0)
    const size = sizeOf(value)
    put(out, component.ac, (run << 4) | size)
    putValue(out, value, size)
    run = 0
  }
  if (run > 0) put(out, component.ac, 0x00)
}

function segment(marker: number, data: Buffer): Buffer {
  const head = Buffer.alloc(4)
  head.writeUInt16BE(0xff00 | marker, 0)
  head.writeUInt16BE(data.length + 2, 2)
  return Buffer.concat([head, data])
}

function dht(tableClass: 0 | 1, id: 0 | 1, spec: HuffmanSpec): Buffer {
  return Buffer.from([(tableClass << 4) | id, ...spec.counts, ...spec.symbols])
}

/** Encodes a raster as a baseline JFIF JPEG at `quality` (1–100). */
export function encodeJpeg(raster: Raster, quality = 92): Buffer {
  const { width, height, channels, pixels } = raster
  const luminance = scaled(LUMINANCE_QUANT, quality)
  const chrominance = scaled(CHROMINANCE_QUANT, quality)
  const component = (id: number, table: 0 | 1): Component => ({
    id,
    table,
    quant: table === 0 ? luminance : chrominance,
    dc: codesOf(table === 0 ? DC_LUMINANCE : DC_CHROMINANCE),
    ac: codesOf(table === 0 ? AC_LUMINANCE : AC_CHROMINANCE),
    predictor: 0
  })
  const components = [component(1, 0), component(2, 1), component(3, 1)]

  const out = new BitWriter()
  const [luma, blue, red] = [new Float64Array(64), new Float64Array(64), new Float64Array(64)]
  const blocks = [luma, blue, red]
  for (let by = 0; by < height; by += 8) {
    for (let bx = 0; bx < width; bx += 8) {
      for (let y = 0; y < 8; y++) {
        for (let x = 0; x < 8; x++) {
          // Past the edge, the last row and column repeat (the usual padding to whole blocks).
          const at = (Math.min(by + y, height - 1) * width + Math.min(bx + x, width - 1)) * channels
          const r = pixels[at] ?? 0
          const g = pixels[at + 1] ?? 0
          const b = pixels[at + 2] ?? 0
          const i = y * 8 + x
          // JFIF's YCbCr, level-shifted by 128 for the DCT.
          luma[i] = 0.299 * r + 0.587 * g + 0.114 * b - 128
          blue[i] = -0.168736 * r - 0.331264 * g + 0.5 * b
          red[i] = 0.5 * r - 0.418688 * g - 0.081312 * b
        }
      }
      components.forEach((c, index) => encodeBlock(blocks[index] ?? luma, c, out))
    }
  }
  const scan = out.finish()

  const jfif = Buffer.from([0x4a, 0x46, 0x49, 0x46, 0x00, 1, 1, 0, 0, 1, 0, 1, 0, 0])
  const dqt = Buffer.concat([
    Buffer.from([0x00, ...ZIGZAG.map((n) => luminance[n] ?? 1)]),
    Buffer.from([0x01, ...ZIGZAG.map((n) => chrominance[n] ?? 1)])
  ])
  const sof = Buffer.alloc(6 + 3 * components.length)
  sof[0] = 8
  sof.writeUInt16BE(height, 1)
  sof.writeUInt16BE(width, 3)
  sof[5] = components.length
  components.forEach((c, index) => {
    // 1×1 sampling for every component (4:4:4), then the quantisation table.
    sof.set([c.id, 0x11, c.table], 6 + 3 * index)
  })
  const huffman = Buffer.concat([
    dht(0, 0, DC_LUMINANCE),
    dht(1, 0, AC_LUMINANCE),
    dht(0, 1, DC_CHROMINANCE),
    dht(1, 1, AC_CHROMINANCE)
  ])
  const sos = Buffer.from([
    components.length,
    ...components.flatMap((c) => [c.id, (c.table << 4) | c.table]),
    0,
    63,
    0
  ])
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    segment(0xe0, jfif),
    segment(0xdb, dqt),
    segment(0xc0, sof),
    segment(0xc4, huffman),
    segment(0xda, sos),
    scan,
    Buffer.from([0xff, 0xd9])
  ])
}
