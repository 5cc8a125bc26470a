import { describe, expect, it } from 'vitest'
import {
  AC_CHROMINANCE,
  AC_LUMINANCE,
  DC_CHROMINANCE,
  DC_LUMINANCE,
  encodeJpeg,
  ZIGZAG
} from '../../../src/emulator/jpeg'
import { crc32, encodePng } from '../../../src/emulator/png'
import { BLACK, drawQrCode, QUIET_MODULES, WHITE } from '../../../src/emulator/raster'
import { decodeJpeg, decodePng, pixelAt, showsQrCodeOf } from '../../support/image-decode'

const TEXT = 'http://weixin.qq.com/q/02lKgVR0WWfxx1JY7H1x1x'

describe('the emulator images', () => {
  it('draws a QR code centred in a square of the asked size, with a quiet zone', () => {
    const raster = drawQrCode({ text: TEXT, size: 430, dark: BLACK, light: WHITE })
    expect([raster.width, raster.height, raster.channels]).toEqual([430, 430, 3])
    expect(raster.pixels.length).toBe(430 * 430 * 3)
    // The corner is background, and at least the quiet zone around the symbol is too.
    expect([...raster.pixels.subarray(0, 3)]).toEqual([255, 255, 255])
    const image = decodePng(encodePng(raster))
    expect(showsQrCodeOf(image, TEXT)).toBe(true)
    expect(showsQrCodeOf(image, `${TEXT}x`)).toBe(false)
  })

  it('writes JPEGs a baseline decoder reads back as the same QR code, at sizes not multiple of 8', () => {
    for (const size of [280, 283, 430]) {
      const bytes = encodeJpeg(drawQrCode({ text: TEXT, size, dark: BLACK, light: WHITE }))
      expect([...bytes.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff])
      expect([...bytes.subarray(-2)]).toEqual([0xff, 0xd9])
      const image = decodeJpeg(bytes)
      expect([image.width, image.height]).toEqual([size, size])
      expect(showsQrCodeOf(image, TEXT)).toBe(true)
    }
  })

  it('keeps colours in a JPEG and transparency in a PNG', () => {
    const green = { r: 7, g: 193, b: 96 }
    const jpeg = decodeJpeg(encodeJpeg(drawQrCode({ text: 'abc', size: 300, dark: green, light: WHITE })))
    // The top-left finder pattern's outer ring is dark, one module in from the symbol's corner.
    const module = Math.floor(300 / (21 + 2 * QUIET_MODULES))
    const origin = Math.floor((300 - 21 * module) / 2)
    const [r = 0, g = 0, b = 0] = pixelAt(
      jpeg,
      origin + Math.floor(module / 2),
      origin + Math.floor(module / 2)
    )
    expect(Math.abs(r - 7) + Math.abs(g - 193) + Math.abs(b - 96)).toBeLessThan(30)

    const png = decodePng(encodePng(drawQrCode({ text: 'abc', size: 280, dark: BLACK, light: null })))
    expect(png.channels).toBe(4)
    expect(pixelAt(png, 0, 0)[3]).toBe(0)
    expect(pixelAt(png, origin, origin)).toEqual([0, 0, 0, 255])
    expect(showsQrCodeOf(png, 'abc')).toBe(true)
  })

  it("uses Annex K's Huffman tables whole: every symbol a baseline block can need has a code", () => {
    const acSymbols = [0x00, 0xf0]
    for (let run = 0; run < 16; run++)
      for (let size = 1; size <= 10; size++) acSymbols.push((run << 4) | size)
    for (const table of [AC_LUMINANCE, AC_CHROMINANCE]) {
      expect(table.counts.reduce((a, b) => a + b, 0)).toBe(table.symbols.length)
      expect([...table.symbols].sort((a, b) => a - b)).toEqual(acSymbols.sort((a, b) => a - b))
    }
    for (const table of [DC_LUMINANCE, DC_CHROMINANCE]) {
      expect(table.counts.reduce((a, b) => a + b, 0)).toBe(12)
    }
    expect([...ZIGZAG].sort((a, b) => a - b)).toEqual(Array.from({ length: 64 }, (_, i) => i))
    expect(ZIGZAG.slice(0, 6)).toEqual([0, 1, 8, 16, 9, 2])
  })

  it('computes the CRC-32 PNG chunks carry', () => {
    expect(crc32(Buffer.from('IEND'))).toBe(0xae426082)
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926)
  })
})
