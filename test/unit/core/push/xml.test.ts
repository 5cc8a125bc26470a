import { describe, expect, it } from 'vitest'
import { cdata, readXml, writeFlatXml, type XmlRead } from '../../../../src/core/push'

const refusal = (read: XmlRead): string => (read.ok ? 'read' : read.error.message.en)

describe('the flat XML writer', () => {
  it("writes WeChat's shape: strings in CDATA, numbers bare, no white space", () => {
    expect(
      writeFlatXml([
        { name: 'ToUserName', value: 'gh_1' },
        { name: 'CreateTime', value: '1348831860', bare: true }
      ])
    ).toBe('<xml><ToUserName><![CDATA[gh_1]]></ToUserName><CreateTime>1348831860</CreateTime></xml>')
  })

  it('splits "]]>" across two CDATA sections so any string survives', () => {
    expect(cdata('a]]>b')).toBe('<![CDATA[a]]]]><![CDATA[>b]]>')
    for (const value of ['a]]>b', ']]>', ']]]]>>', 'x]]', '<![CDATA[', '&amp;']) {
      const read = readXml(writeFlatXml([{ name: 'Content', value }]))
      expect(read.ok && read.root.children[0]?.text).toBe(value)
    }
  })

  it('refuses a name that is not an XML name', () => {
    expect(() => writeFlatXml([{ name: 'a b', value: '' }])).toThrow(RangeError)
  })
})

describe('the XML reader', () => {
  it('reads elements, CDATA, entities and nesting, with a declaration and comments', () => {
    const read = readXml(
      '\uFEFF<?xml version="1.0" encoding="utf-8"?>\n<!-- hi --><xml a="1"><A><![CDATA[x]]>&lt;&#65;&#x42;</A><B><C>d</C></B><E/></xml>\n'
    )
    if (!read.ok) throw new Error(read.error.message.en)
    expect(read.root.children.map((c) => [c.name, c.text])).toEqual([
      ['A', 'x<AB'],
      ['B', ''],
      ['E', '']
    ])
    expect(read.root.children[1]?.children[0]).toEqual({ name: 'C', text: 'd', children: [] })
  })

  it('refuses a DOCTYPE, and so every entity definition and external reference', () => {
    const laughs =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><xml>&lol2;</xml>'
    expect(refusal(readXml(laughs))).toContain('DOCTYPE')
    const xxe = '<!DOCTYPE xml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><xml><A>&xxe;</A></xml>'
    expect(refusal(readXml(xxe))).toContain('DOCTYPE')
    expect(refusal(readXml('<xml><!DOCTYPE x></xml>'))).toContain('DOCTYPE')
    expect(refusal(readXml('<xml><!ENTITY x "y"></xml>'))).toContain('DOCTYPE')
  })

  it('refuses entity references it was never told about', () => {
    expect(refusal(readXml('<xml><A>&xxe;</A></xml>'))).toContain('entity &xxe; is refused')
    expect(refusal(readXml('<xml a="&ext;"/>'))).toContain('entity &ext; is refused')
    expect(refusal(readXml('<xml><A>a & b</A></xml>'))).toContain('bare "&"')
    expect(refusal(readXml('<xml><A>&#0;</A></xml>'))).toContain('not an allowed character')
    expect(refusal(readXml('<xml><A>&#xD800;</A></xml>'))).toContain('not an allowed character')
  })

  it('refuses processing instructions other than the leading declaration', () => {
    expect(refusal(readXml('<?xml-stylesheet href="x"?><xml/>'))).toContain('processing instructions')
    expect(refusal(readXml('<xml><?php echo 1 ?></xml>'))).toContain('processing instructions')
    expect(refusal(readXml('<xml/><?xml version="1.0"?>'))).toContain('processing instructions')
  })

  it('refuses documents nested or sized beyond any WeChat message', () => {
    expect(refusal(readXml(`${'<a>'.repeat(17)}${'</a>'.repeat(17)}`))).toContain('nested deeper')
    expect(refusal(readXml(`<xml>${'<a/>'.repeat(5_001)}</xml>`))).toContain('more than 5000 elements')
  })

  it('refuses what is not well-formed, saying where', () => {
    const cases: [string, string][] = [
      ['', 'empty'],
      ['hello', 'text before the root'],
      ['<xml><A></B></xml>', '</B> closes <A>'],
      ['<xml><A>', 'never closed'],
      ['<xml/><xml/>', 'content after the root'],
      ['<xml><![CDATA[x</xml>', 'unterminated CDATA'],
      ['<xml>a]]>b</xml>', '"]]>" outside a CDATA section'],
      ['<xml a="1" a="2"/>', 'appears twice'],
      ['<xml a=1/>', 'quoted value'],
      ['<xml>\u0001</xml>', 'U+0001']
    ]
    for (const [source, message] of cases) expect(refusal(readXml(source))).toContain(message)
    const read = readXml('<xml>\n  <A></B>\n</xml>')
    expect(read.ok ? null : [read.error.line, read.error.column]).toEqual([2, 6])
  })
})
