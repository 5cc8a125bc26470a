import type { XmlField } from '../../shared/contract'

const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/

/**
 * A CDATA section for any string: `]]>` cannot appear inside one, so it is split across two sections
 * (`]]` ends the first, `>` starts the next), which every XML reader joins back.
 */
export function cdata(value: string): string {
  return `<![CDATA[${value.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`
}

export function escapeXmlText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

export function xmlElement(field: XmlField): string {
  if (!NAME.test(field.name)) throw new RangeError(`not an XML element name: ${field.name}`)
  const inner = field.bare ? escapeXmlText(field.value) : cdata(field.value)
  return `<${field.name}>${inner}</${field.name}>`
}

/** `<xml>…</xml>` with the fields in order, no declaration and no white space, like WeChat's pushes. */
export function writeFlatXml(fields: readonly XmlField[]): string {
  return `<xml>${fields.map(xmlElement).join('')}</xml>`
}
