import { text, type Localized } from '../../shared/result'

/** An element of a WeChat XML document: its own text (CDATA and character data joined) and its children. */
export interface XmlElement {
  name: string
  text: string
  children: XmlElement[]
}

export interface XmlError {
  /** Where the reader stopped, counted in characters from the start, and as a 1-based line and column. */
  offset: number
  line: number
  column: number
  message: Localized
}

export type XmlRead = { ok: true; root: XmlElement } | { ok: false; error: XmlError }

/** WeChat documents are a few elements two levels deep; anything far past that is not one. */
const MAX_DEPTH = 16
const MAX_ELEMENTS = 5_000

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }
const NAME_START = /[A-Za-z_:]/
const NAME_CHAR = /[A-Za-z0-9_:.-]/
/** Whether XML 1.0 allows this UTF-16 code unit anywhere in a document (surrogate pairs are checked apart). */
function allowedUnit(code: number): boolean {
  if (code < 0x20) return code === 0x09 || code === 0x0a || code === 0x0d
  return code !== 0xfffe && code !== 0xffff
}

/** Where the first character XML does not allow sits, or -1. */
function forbiddenCharAt(value: string): number {
  for (let i = 0; i < value.length; i++) if (!allowedUnit(value.charCodeAt(i))) return i
  return -1
}

class XmlSyntaxError extends Error {
  constructor(
    readonly offset: number,
    readonly localized: Localized
  ) {
    super(localized.en)
  }
}

/** The first child named `name`, if any. */
export function childOf(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((child) => child.name === name)
}

/**
 * Reads one XML document of the shape WeChat exchanges (elements, character data, CDATA; attributes are
 * read and dropped). It refuses what a push or reply never needs and an attacker would: a DOCTYPE (and so
 * any entity definition or external reference), entity references other than the five predefined ones and
 * numeric ones, processing instructions other than the leading declaration, and documents nested or sized
 * beyond any WeChat message. It never fetches or expands anything.
 */
export function readXml(source: string): XmlRead {
  try {
    return { ok: true, root: new Reader(source).document() }
  } catch (error) {
    if (!(error instanceof XmlSyntaxError)) throw error
    const before = source.slice(0, error.offset)
    const line = before.split('\n').length
    return {
      ok: false,
      error: {
        offset: error.offset,
        line,
        column: error.offset - before.lastIndexOf('\n'),
        message: error.localized
      }
    }
  }
}

class Reader {
  private at = 0
  private elements = 0

  constructor(private readonly source: string) {}

  document(): XmlElement {
    const bad = forbiddenCharAt(this.source)
    if (bad >= 0) {
      const code = `U+${this.source.charCodeAt(bad).toString(16).padStart(4, '0').toUpperCase()}`
      this.fail(bad, `character ${code} is not allowed in XML`, `XML 中不允许出现字符 ${code}`)
    }
    if (this.source.startsWith('\uFEFF')) this.at = 1
    if (this.source.startsWith('<?xml', this.at) && /[\s?]/.test(this.source[this.at + 5] ?? '')) {
      const end = this.source.indexOf('?>', this.at)
      if (end < 0) this.fail(this.at, 'unterminated XML declaration', 'XML 声明未结束')
      this.at = end + 2
    }
    this.misc()
    if (this.at >= this.source.length) this.fail(this.at, 'the document is empty', '文档为空')
    if (this.source[this.at] !== '<') {
      this.fail(this.at, 'text before the root element', '根元素之前出现了文本')
    }
    const root = this.element(1)
    this.misc()
    if (this.at < this.source.length) {
      this.fail(this.at, 'content after the root element', '根元素之后还有内容')
    }
    return root
  }

  /** White space, comments; refuses DOCTYPE and processing instructions. */
  private misc(): void {
    for (;;) {
      while (/\s/.test(this.source[this.at] ?? '')) this.at++
      if (this.source.startsWith('<!--', this.at)) this.comment()
      else if (this.source.startsWith('<!', this.at)) this.refuseDeclaration()
      else if (this.source.startsWith('<?', this.at)) this.refuseInstruction()
      else return
    }
  }

  private comment(): void {
    const end = this.source.indexOf('-->', this.at + 4)
    if (end < 0) this.fail(this.at, 'unterminated comment', '注释未结束')
    this.at = end + 3
  }

  private refuseDeclaration(): never {
    return this.fail(
      this.at,
      'a DOCTYPE or other <! declaration is refused: it can define entities (billion laughs, external files)',
      '拒绝 DOCTYPE 或其他 <! 声明：它可以定义实体（“十亿笑声”攻击、外部文件）'
    )
  }

  private refuseInstruction(): never {
    return this.fail(
      this.at,
      'processing instructions (<?…?>) are refused except the leading XML declaration',
      '除开头的 XML 声明外，拒绝处理指令（<?…?>）'
    )
  }

  private name(): string {
    const start = this.at
    if (!NAME_START.test(this.source[this.at] ?? '')) {
      this.fail(this.at, 'expected an element or attribute name', '此处应为元素或属性名')
    }
    while (NAME_CHAR.test(this.source[this.at] ?? '')) this.at++
    return this.source.slice(start, this.at)
  }

  private element(depth: number): XmlElement {
    if (depth > MAX_DEPTH) {
      this.fail(this.at, `nested deeper than ${MAX_DEPTH} levels`, `嵌套超过 ${MAX_DEPTH} 层`)
    }
    if (++this.elements > MAX_ELEMENTS) {
      this.fail(this.at, `more than ${MAX_ELEMENTS} elements`, `元素超过 ${MAX_ELEMENTS} 个`)
    }
    this.at++ // '<'
    const name = this.name()
    if (this.attributes()) return { name, text: '', children: [] }
    const element: XmlElement = { name, text: '', children: [] }
    for (;;) {
      if (this.at >= this.source.length) {
        this.fail(this.at, `<${name}> is never closed`, `<${name}> 没有结束标签`)
      }
      if (this.source.startsWith('<![CDATA[', this.at)) {
        const end = this.source.indexOf(']]>', this.at + 9)
        if (end < 0) this.fail(this.at, 'unterminated CDATA section', 'CDATA 段未结束')
        element.text += this.source.slice(this.at + 9, end)
        this.at = end + 3
      } else if (this.source.startsWith('<!--', this.at)) {
        this.comment()
      } else if (this.source.startsWith('<!', this.at)) {
        this.refuseDeclaration()
      } else if (this.source.startsWith('<?', this.at)) {
        this.refuseInstruction()
      } else if (this.source.startsWith('</', this.at)) {
        const at = this.at
        this.at += 2
        const closing = this.name()
        if (closing !== name) {
          this.fail(at, `</${closing}> closes <${name}>`, `</${closing}> 与 <${name}> 不匹配`)
        }
        while (/\s/.test(this.source[this.at] ?? '')) this.at++
        if (this.source[this.at] !== '>') this.fail(this.at, 'expected ">"', '此处应为“>”')
        this.at++
        return element
      } else if (this.source[this.at] === '<') {
        element.children.push(this.element(depth + 1))
      } else {
        element.text += this.characterData()
      }
    }
  }

  /** Reads attributes up to `>` or `/>`; true when the element closed itself. */
  private attributes(): boolean {
    const seen = new Set<string>()
    for (;;) {
      const spaced = /\s/.test(this.source[this.at] ?? '')
      while (/\s/.test(this.source[this.at] ?? '')) this.at++
      if (this.source.startsWith('/>', this.at)) {
        this.at += 2
        return true
      }
      if (this.source[this.at] === '>') {
        this.at++
        return false
      }
      if (!spaced) this.fail(this.at, 'expected white space, ">" or "/>"', '此处应为空白、“>”或“/>”')
      const at = this.at
      const name = this.name()
      if (seen.has(name)) this.fail(at, `attribute ${name} appears twice`, `属性 ${name} 重复出现`)
      seen.add(name)
      while (/\s/.test(this.source[this.at] ?? '')) this.at++
      if (this.source[this.at] !== '=') this.fail(this.at, 'expected "="', '此处应为“=”')
      this.at++
      while (/\s/.test(this.source[this.at] ?? '')) this.at++
      const quote = this.source[this.at]
      if (quote !== '"' && quote !== "'") this.fail(this.at, 'expected a quoted value', '此处应为带引号的值')
      const end = this.source.indexOf(quote, this.at + 1)
      if (end < 0) this.fail(this.at, 'unterminated attribute value', '属性值未结束')
      const value = this.source.slice(this.at + 1, end)
      if (value.includes('<')) this.fail(this.at, '"<" inside an attribute value', '属性值中出现“<”')
      this.decode(value, this.at + 1)
      this.at = end + 1
    }
  }

  private characterData(): string {
    const end = this.source.indexOf('<', this.at)
    const stop = end < 0 ? this.source.length : end
    const raw = this.source.slice(this.at, stop)
    const start = this.at
    const bad = raw.indexOf(']]>')
    if (bad >= 0) {
      this.fail(
        start + bad,
        '"]]>" outside a CDATA section (a CDATA value containing "]]>" must be split in two)',
        '“]]>”出现在 CDATA 段之外（含“]]>”的 CDATA 值必须拆成两段）'
      )
    }
    this.at = stop
    return this.decode(raw, start)
  }

  /** Replaces character and predefined entity references; anything else is refused. */
  private decode(raw: string, offset: number): string {
    return raw.replace(/&([^;&\s<]*);?/g, (match, body: string, index: number) => {
      const at = offset + index
      if (!match.endsWith(';')) this.fail(at, 'a bare "&" (write &amp;)', '出现未转义的“&”（应写作 &amp;）')
      const predefined = PREDEFINED[body]
      if (predefined !== undefined) return predefined
      const numeric = /^#(?:x([0-9A-Fa-f]{1,6})|([0-9]{1,7}))$/.exec(body)
      if (numeric) {
        const code = numeric[1] !== undefined ? parseInt(numeric[1], 16) : Number(numeric[2])
        const char = code <= 0x10ffff ? String.fromCodePoint(code) : ''
        if (char === '' || forbiddenCharAt(char) >= 0 || (code >= 0xd800 && code <= 0xdfff)) {
          this.fail(at, `&${body}; is not an allowed character`, `&${body}; 不是允许的字符`)
        }
        return char
      }
      return this.fail(
        at,
        `entity &${body}; is refused: only &lt; &gt; &amp; &quot; &apos; and numeric references are read`,
        `拒绝实体 &${body};：只接受 &lt; &gt; &amp; &quot; &apos; 和数字字符引用`
      )
    })
  }

  private fail(offset: number, en: string, zh: string): never {
    throw new XmlSyntaxError(offset, text(en, zh))
  }
}
