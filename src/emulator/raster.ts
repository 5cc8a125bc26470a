import QRCode from 'qrcode'

/** Pixels row by row, top to bottom: RGB, or RGBA when the background is transparent. */
export interface Raster {
  width: number
  height: number
  channels: 3 | 4
  pixels: Uint8Array
}

export interface Rgb {
  r: number
  g: number
  b: number
}

export const BLACK: Rgb = Object.freeze({ r: 0, g: 0, b: 0 })
export const WHITE: Rgb = Object.freeze({ r: 255, g: 255, b: 255 })

/** A quiet zone of 4 modules on every side, as the QR specification asks. */
export const QUIET_MODULES = 4

export interface QrDrawing {
  /** What the code says when scanned. */
  text: string
  /** The image's width and height in pixels. */
  size: number
  /** The modules' colour. */
  dark: Rgb
  /** The background, or null for a transparent one (RGBA). */
  light: Rgb | null
}

/**
 * A real, scannable QR code of `text`, drawn in a square of `size` pixels: whole pixels per module, the
 * code centred and the rest of the square background. Throws when `text` is too long for any QR version.
 */
export function drawQrCode(drawing: QrDrawing): Raster {
  const { modules } = QRCode.create(drawing.text, { errorCorrectionLevel: 'M' })
  const count = modules.size + 2 * QUIET_MODULES
  const scale = Math.max(1, Math.floor(drawing.size / count))
  const size = Math.max(drawing.size, count * scale)
  const origin = Math.floor((size - modules.size * scale) / 2)
  const channels = drawing.light ? 3 : 4
  const pixels = new Uint8Array(size * size * channels)
  const { dark, light } = drawing
  for (let y = 0; y < size; y++) {
    const row = Math.floor((y - origin) / scale)
    for (let x = 0; x < size; x++) {
      const column = Math.floor((x - origin) / scale)
      const inside = y >= origin && x >= origin && row < modules.size && column < modules.size
      const on = inside && modules.get(row, column) === 1
      const at = (y * size + x) * channels
      // Transparent pixels are white underneath, for viewers that ignore alpha.
      const colour = on ? dark : (light ?? WHITE)
      pixels[at] = colour.r
      pixels[at + 1] = colour.g
      pixels[at + 2] = colour.b
      if (channels === 4) pixels[at + 3] = on ? 255 : 0
    }
  }
  return { width: size, height: size, channels, pixels }
}
