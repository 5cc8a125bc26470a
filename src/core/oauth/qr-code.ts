import QRCode from 'qrcode'

/**
 * The link as an SVG QR code (vector, so it scales crisply), made locally: the link never leaves this
 * machine. Error correction M copes with a phone camera at a slight angle; the 4-module quiet zone is the
 * standard's.
 */
export function qrSvg(link: string): Promise<string> {
  return QRCode.toString(link, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 })
}

/** An `<img src>` for the SVG (the window's CSP allows `img-src data:`). */
export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`
}
