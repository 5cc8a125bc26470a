import type { Finding, PushFormat, ReplyValue } from '../../shared/contract'
import { looksLikeHtml, quote, refusal } from './verdict'
import { readXml, type XmlElement } from './xml-reader'

/** A passive reply read from XML or JSON, seen the same way by the rules. */
export interface ReplyDoc {
  /** Element names, in order, for hints about misspelt ones. */
  names(): string[]
  /** A leaf's text (a JSON number as its digits); undefined when absent or not a leaf. */
  text(name: string): string | undefined
  child(name: string): ReplyDoc | undefined
  /** The entries of a list: `<Articles><item/>…</Articles>` in XML, an array in JSON. */
  items(name: string): ReplyDoc[]
  value(): { [name: string]: ReplyValue }
}

function xmlValue(element: XmlElement): ReplyValue {
  if (element.children.length === 0) return element.text
  const out: { [name: string]: ReplyValue } = {}
  for (const child of element.children) {
    const value = xmlValue(child)
    const existing = out[child.name]
    if (existing === undefined) out[child.name] = value
    else if (Array.isArray(existing)) existing.push(value)
    else out[child.name] = [existing, value]
  }
  return out
}

export function xmlDoc(element: XmlElement): ReplyDoc {
  const first = (name: string): XmlElement | undefined => element.children.find((c) => c.name === name)
  return {
    names: () => element.children.map((c) => c.name),
    text(name) {
      const found = first(name)
      return found && found.children.length === 0 ? found.text : undefined
    },
    child(name) {
      const found = first(name)
      return found ? xmlDoc(found) : undefined
    },
    items(name) {
      return (first(name)?.children ?? []).filter((c) => c.name === 'item').map(xmlDoc)
    },
    value() {
      const value = xmlValue(element)
      return typeof value === 'string' || Array.isArray(value) ? {} : value
    }
  }
}

type Json = string | number | boolean | null | Json[] | { [name: string]: Json }

function jsonValue(json: Json): ReplyValue {
  if (Array.isArray(json)) return json.map(jsonValue)
  if (typeof json === 'object' && json !== null) {
    return Object.fromEntries(Object.entries(json).map(([k, v]) => [k, jsonValue(v)]))
  }
  return json === null ? '' : String(json)
}

export function jsonDoc(object: { [name: string]: Json }): ReplyDoc {
  const isObject = (v: Json | undefined): v is { [name: string]: Json } =>
    typeof v === 'object' && v !== null && !Array.isArray(v)
  return {
    names: () => Object.keys(object),
    text(name) {
      const v = object[name]
      return typeof v === 'string' || typeof v === 'number' ? String(v) : undefined
    },
    child(name) {
      const v = object[name]
      return isObject(v) ? jsonDoc(v) : undefined
    },
    items(name) {
      const v = object[name]
      return Array.isArray(v) ? v.filter(isObject).map(jsonDoc) : []
    },
    value() {
      const value = jsonValue(object)
      return typeof value === 'string' || Array.isArray(value) ? {} : value
    }
  }
}

export type ParsedReply = { ok: true; doc: ReplyDoc } | { ok: false; finding: Finding }

/** Reads a reply body (or a decrypted reply) in the format WeChat expects, or says why WeChat cannot. */
export function parseReply(body: string, format: PushFormat): ParsedReply {
  const trimmed = body.trimStart()
  if (format === 'json') {
    let json: unknown
    try {
      json = JSON.parse(body)
    } catch (error) {
      return {
        ok: false,
        finding: refusal(
          trimmed.startsWith('<') ? 'xml-instead' : 'malformed-json',
          `The reply ${quote(body)} is not JSON (${error instanceof Error ? error.message : String(error)}), and this Mini Program pushes JSON.`,
          `回复 ${quote(body)} 不是 JSON（${error instanceof Error ? error.message : String(error)}），而此小程序的数据格式是 JSON。`
        )
      }
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
      return {
        ok: false,
        finding: refusal(
          'malformed-json',
          `The reply ${quote(body)} is JSON but not an object.`,
          `回复 ${quote(body)} 是 JSON，但不是对象。`
        )
      }
    }
    return { ok: true, doc: jsonDoc(json as { [name: string]: Json }) }
  }
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    return {
      ok: false,
      finding: refusal(
        'json-instead',
        `The reply is JSON (${quote(body)}); WeChat reads passive replies as XML.`,
        `回复是 JSON（${quote(body)}）；微信只按 XML 读取被动回复。`
      )
    }
  }
  if (looksLikeHtml(body)) {
    return {
      ok: false,
      finding: refusal(
        'html-instead',
        `The reply is an HTML page (${quote(body)}), not XML: an error page or the wrong route answered.`,
        `回复是 HTML 页面（${quote(body)}），不是 XML：可能是错误页或路由不对。`
      )
    }
  }
  const read = readXml(body)
  if (!read.ok) {
    const { line, column, message } = read.error
    return {
      ok: false,
      finding: refusal(
        'malformed-xml',
        `The reply is not well-formed XML (line ${line}, column ${column}: ${message.en}).`,
        `回复不是格式正确的 XML（第 ${line} 行第 ${column} 列：${message['zh-CN']}）。`
      )
    }
  }
  if (read.root.name !== 'xml') {
    return {
      ok: false,
      finding: refusal(
        'root-not-xml',
        `The reply's root element is <${read.root.name}>; WeChat reads <xml>…</xml>.`,
        `回复的根元素是 <${read.root.name}>；微信读取的是 <xml>…</xml>。`
      )
    }
  }
  return { ok: true, doc: xmlDoc(read.root) }
}
