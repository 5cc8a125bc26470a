import { randomBytes } from 'node:crypto'
import type { ComposedMessage, MessageFacts, PushFormat, PushTemplate, XmlField } from '../../shared/contract'
import { text, type FieldIssue } from '../../shared/result'
import type { RandomBytes } from './aes'
import type { PushSender } from './push-target'
import { childOf, readXml } from './xml-reader'
import { cdata, writeFlatXml } from './xml-writer'

const NUMBER = /^-?\d+(\.\d+)?$/

/**
 * A MsgId as WeChat issues them: a 64-bit decimal beyond 2^53, so a handler that reads it into a JS number
 * (and so mangles it) is caught by the dedupe it breaks.
 */
export function newMsgId(random: RandomBytes = randomBytes): string {
  const raw = random(8).readBigUInt64BE(0)
  return ((raw & ((1n << 62n) - 1n)) | (1n << 62n)).toString()
}

/** `{"ToUserName":"…","CreateTime":1714112445,…}`: numbers written as their digits, never through a JS number. */
export function writeFlatJson(fields: readonly XmlField[]): string {
  const members = fields.map(
    (field) =>
      `${JSON.stringify(field.name)}:${field.bare && NUMBER.test(field.value) ? field.value : JSON.stringify(field.value)}`
  )
  return `{${members.join(',')}}`
}

export function writeBody(fields: readonly XmlField[], format: PushFormat): string {
  return format === 'json' ? writeFlatJson(fields) : writeFlatXml(fields)
}

/**
 * Builds a push from a template: ToUserName, FromUserName, CreateTime, MsgType, Event, the template's
 * fields, then MsgId, in WeChat's order. `values` overrides any of them by name.
 */
export function composeMessage(
  target: PushSender,
  template: PushTemplate,
  values: Readonly<Record<string, string>>,
  options: { now: number; msgId: string }
): { ok: true; value: ComposedMessage } | { ok: false; issues: FieldIssue[] } {
  const fields: XmlField[] = [
    { name: 'ToUserName', value: target.accountId },
    { name: 'FromUserName', value: target.openid },
    { name: 'CreateTime', value: String(Math.floor(options.now / 1000)), bare: true },
    { name: 'MsgType', value: template.msgType },
    ...(template.event === undefined ? [] : [{ name: 'Event', value: template.event }]),
    ...template.fields.map(({ name, value, bare }) => ({ name, value, ...(bare ? { bare } : {}) })),
    ...(template.msgId ? [{ name: 'MsgId', value: options.msgId, bare: true }] : [])
  ]
  const issues: FieldIssue[] = []
  for (const [name, value] of Object.entries(values)) {
    const field = fields.find((candidate) => candidate.name === name)
    if (!field) {
      issues.push({
        path: `fields.${name}`,
        message: text(
          `${template.label.en} has no field ${name} (it has ${fields.map((x) => x.name).join(', ')})`,
          `${template.label['zh-CN']}没有字段 ${name}（可用：${fields.map((x) => x.name).join('、')}）`
        )
      })
    } else if (field.bare && !NUMBER.test(value)) {
      issues.push({
        path: `fields.${name}`,
        message: text(`${name} is a number in WeChat's pushes`, `${name} 在微信推送中是数字`)
      })
    } else field.value = value
  }
  if (issues.length > 0) return { ok: false, issues }
  return {
    ok: true,
    value: { template: template.id, label: template.label, fields, body: writeBody(fields, target.format) }
  }
}

const FACT_NAMES = {
  toUserName: 'ToUserName',
  fromUserName: 'FromUserName',
  createTime: 'CreateTime',
  msgType: 'MsgType',
  event: 'Event',
  msgId: 'MsgId'
} as const

/** The facts of a plaintext body, or null when it is not a readable message in this format. */
export function readMessageFacts(body: string, format: PushFormat): MessageFacts | null {
  const facts: Record<keyof MessageFacts, string | null> = {
    toUserName: null,
    fromUserName: null,
    createTime: null,
    msgType: null,
    event: null,
    msgId: null
  }
  if (format === 'xml') {
    const read = readXml(body)
    if (!read.ok) return null
    for (const [key, name] of Object.entries(FACT_NAMES) as [keyof MessageFacts, string][]) {
      facts[key] = childOf(read.root, name)?.text ?? null
    }
    return facts
  }
  let json: unknown
  try {
    json = JSON.parse(body)
  } catch {
    return null
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return null
  for (const [key, name] of Object.entries(FACT_NAMES) as [keyof MessageFacts, string][]) {
    const value: unknown = Reflect.get(json, name)
    facts[key] = typeof value === 'string' || typeof value === 'number' ? String(value) : null
  }
  // JSON.parse rounds a 64-bit MsgId; the digits as written are the id.
  const exact = /"MsgId"\s*:\s*(-?\d+)\s*[,}]/.exec(body)
  if (exact?.[1] !== undefined) facts.msgId = exact[1]
  return facts
}

/** Compatible mode: the plaintext fields plus `Encrypt`, added last. */
export function withEncrypt(body: string, format: PushFormat, encrypt: string): string {
  if (format === 'json') {
    const end = body.lastIndexOf('}')
    if (end < 0) return body
    const head = body.slice(0, end)
    const comma = /\{\s*$/.test(head) ? '' : ','
    return `${head}${comma}"Encrypt":${JSON.stringify(encrypt)}${body.slice(end)}`
  }
  const element = `<Encrypt>${cdata(encrypt)}</Encrypt>`
  const end = body.lastIndexOf('</xml>')
  return end < 0 ? `${body}${element}` : `${body.slice(0, end)}${element}${body.slice(end)}`
}

/** Safe mode: only the addressee and the ciphertext travel in the clear. */
export function safeEnvelope(toUserName: string, encrypt: string, format: PushFormat): string {
  return writeBody(
    [
      { name: 'ToUserName', value: toUserName },
      { name: 'Encrypt', value: encrypt }
    ],
    format
  )
}
