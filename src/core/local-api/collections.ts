import { createHash } from 'node:crypto'

/**
 * Postman and Bruno collections whose requests carry the app's shared access_token, read from the desk's
 * Local API by a collection-level pre-request script: the token is re-read shortly before it expires (so a
 * request never goes out with a stale one), and after WeChat refuses it (40001 / 40014 / 42001) a post-response
 * script asks the desk for a passive refresh, so the next send carries a working token. Neither tool ever mints
 * a token of its own. This is the live counterpart of the one-shot Postman environment export.
 */
export interface CollectionInput {
  /** The Local API's base URL, e.g. `http://127.0.0.1:17180`. */
  deskUrl: string
  /** The Local API key, or null when none exists yet (a placeholder is written instead). */
  key: string | null
  appId: string
  /** The app's name as the user reads it (the built-in sandbox's in their language). */
  appName: string
  /** Where the app's WeChat calls go (the emulator for the sandbox). */
  apiBase: string
}

export const KEY_PLACEHOLDER = '<paste the Local API key>'
/** Re-read the token when it has less than this left: the Local API serves tokens with at least 60 s to live. */
const REREAD_MARGIN_MS = 60_000
/** WeChat's ways of saying "this access_token is no good" (wechat-api.md §3). */
const REFUSED = '[40001, 40014, 42001]'

const collectionName = (input: CollectionInput): string => `WeChat Token Desk · ${input.appName}`

/** A stable id per desk address and app, so re-importing replaces the earlier copy instead of adding one. */
function digest(input: CollectionInput, salt: string): string {
  return createHash('sha256').update(`${salt} ${input.deskUrl} ${input.appId}`).digest('hex')
}

const uuidOf = (hex: string): string =>
  `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`

const POSTMAN_PRE_REQUEST = `// WeChat Token Desk: the app's shared access_token from the Local API, re-read shortly before it expires.
const heldUntil = Number(pm.collectionVariables.get('access_token_expires_at') || 0)
if (!pm.collectionVariables.get('access_token') || Date.now() > heldUntil - ${REREAD_MARGIN_MS}) {
  pm.sendRequest(
    {
      url: pm.variables.replaceIn('{{desk_url}}/v1/apps/{{appid}}/access-token'),
      method: 'GET',
      header: { Authorization: 'Bearer ' + pm.variables.get('desk_api_key') }
    },
    (err, res) => {
      if (err) throw new Error('WeChat Token Desk is not reachable: ' + err.message)
      const body = res.json()
      if (res.code !== 200) throw new Error('WeChat Token Desk ' + res.code + ': ' + body.error.message)
      pm.collectionVariables.set('access_token', body.access_token)
      pm.collectionVariables.set('access_token_expires_at', String(Date.parse(body.expires_at)))
    }
  )
}`

const POSTMAN_POST_RESPONSE = `// WeChat refused the token (killed elsewhere): ask the desk for a passive refresh; send the request again.
let answer = null
try {
  answer = pm.response.json()
} catch (e) {}
if (answer && ${REFUSED}.includes(answer.errcode)) {
  pm.sendRequest(
    {
      url: pm.variables.replaceIn('{{desk_url}}/v1/apps/{{appid}}/access-token/refresh'),
      method: 'POST',
      header: { Authorization: 'Bearer ' + pm.variables.get('desk_api_key'), 'Content-Type': 'application/json' },
      body: { mode: 'raw', raw: JSON.stringify({ stale_token: pm.collectionVariables.get('access_token') }) }
    },
    (err, res) => {
      if (err || res.code !== 200) return
      const body = res.json()
      pm.collectionVariables.set('access_token', body.access_token)
      pm.collectionVariables.set('access_token_expires_at', String(Date.parse(body.expires_at)))
    }
  )
}`

type PostmanVariable = { key: string; value: string; type: 'default' | 'secret' }

export interface PostmanCollection {
  info: { _postman_id: string; name: string; description: string; schema: string }
  event: { listen: 'prerequest' | 'test'; script: { type: 'text/javascript'; exec: string[] } }[]
  variable: PostmanVariable[]
  item: {
    name: string
    request: {
      method: 'GET'
      header: { key: string; value: string }[]
      url: { raw: string; host: string[]; path: string[]; query?: { key: string; value: string }[] }
    }
  }[]
}

/** A Postman collection (v2.1) whose pre-request script reads the token from the Local API. */
export function postmanCollection(input: CollectionInput): PostmanCollection {
  return {
    info: {
      _postman_id: uuidOf(digest(input, 'postman')),
      name: collectionName(input),
      description:
        `The shared access_token of ${input.appName} (${input.appId}), read from WeChat Token Desk's Local API ` +
        'before each request. Keep the desk running with its Local API on.',
      schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json'
    },
    event: [
      { listen: 'prerequest', script: { type: 'text/javascript', exec: POSTMAN_PRE_REQUEST.split('\n') } },
      { listen: 'test', script: { type: 'text/javascript', exec: POSTMAN_POST_RESPONSE.split('\n') } }
    ],
    variable: [
      { key: 'desk_url', value: input.deskUrl, type: 'default' },
      { key: 'desk_api_key', value: input.key ?? KEY_PLACEHOLDER, type: 'secret' },
      { key: 'appid', value: input.appId, type: 'default' },
      { key: 'wechat_api_base', value: input.apiBase, type: 'default' },
      { key: 'access_token', value: '', type: 'secret' },
      { key: 'access_token_expires_at', value: '', type: 'default' }
    ],
    item: [
      {
        name: 'getcallbackip (is the token alive?)',
        request: {
          method: 'GET',
          header: [],
          url: {
            raw: '{{wechat_api_base}}/cgi-bin/getcallbackip?access_token={{access_token}}',
            host: ['{{wechat_api_base}}'],
            path: ['cgi-bin', 'getcallbackip'],
            query: [{ key: 'access_token', value: '{{access_token}}' }]
          }
        }
      },
      {
        name: 'The shared token (Local API)',
        request: {
          method: 'GET',
          header: [{ key: 'Authorization', value: 'Bearer {{desk_api_key}}' }],
          url: {
            raw: '{{desk_url}}/v1/apps/{{appid}}/access-token',
            host: ['{{desk_url}}'],
            path: ['v1', 'apps', '{{appid}}', 'access-token']
          }
        }
      }
    ]
  }
}

const BRUNO_PRE_REQUEST = `// WeChat Token Desk: the app's shared access_token from the Local API, re-read shortly before it expires.
const axios = require('axios')
const heldUntil = Number(bru.getVar('access_token_expires_at') || 0)
if (!bru.getVar('access_token') || Date.now() > heldUntil - ${REREAD_MARGIN_MS}) {
  const res = await axios.get(bru.getEnvVar('desk_url') + '/v1/apps/' + bru.getEnvVar('appid') + '/access-token', {
    headers: { Authorization: 'Bearer ' + bru.getEnvVar('desk_api_key') },
    validateStatus: () => true
  })
  if (res.status !== 200) throw new Error('WeChat Token Desk ' + res.status + ': ' + res.data.error.message)
  bru.setVar('access_token', res.data.access_token)
  bru.setVar('access_token_expires_at', String(Date.parse(res.data.expires_at)))
}`

const BRUNO_POST_RESPONSE = `// WeChat refused the token (killed elsewhere): ask the desk for a passive refresh; send the request again.
const axios = require('axios')
const answer = res.getBody()
if (answer && ${REFUSED}.includes(answer.errcode)) {
  const fresh = await axios.post(
    bru.getEnvVar('desk_url') + '/v1/apps/' + bru.getEnvVar('appid') + '/access-token/refresh',
    { stale_token: bru.getVar('access_token') },
    { headers: { Authorization: 'Bearer ' + bru.getEnvVar('desk_api_key') }, validateStatus: () => true }
  )
  if (fresh.status === 200) {
    bru.setVar('access_token', fresh.data.access_token)
    bru.setVar('access_token_expires_at', String(Date.parse(fresh.data.expires_at)))
  }
}`

interface BrunoVariable {
  uid: string
  name: string
  value: string
  type: 'text'
  enabled: true
  secret: boolean
}

interface BrunoRequestItem {
  uid: string
  type: 'http-request'
  name: string
  seq: number
  request: {
    url: string
    method: 'GET'
    headers: { uid: string; name: string; value: string; enabled: true }[]
    params: { uid: string; name: string; value: string; type: 'query'; enabled: true }[]
    auth: { mode: 'none' }
    body: { mode: 'none' }
    script: { req: null; res: null }
    vars: { req: []; res: [] }
    assertions: []
    tests: string
    docs: string
  }
}

export interface BrunoCollection {
  version: '1'
  uid: string
  name: string
  items: BrunoRequestItem[]
  environments: { uid: string; name: string; variables: BrunoVariable[] }[]
  root: {
    request: { headers: []; script: { req: string; res: string }; vars: { req: []; res: [] }; tests: string }
    docs: string
  }
  brunoConfig: { version: '1'; name: string; type: 'collection'; ignore: string[] }
}

/** Bruno's ids: 21 letters and digits. Derived, so the same export always has the same ids. */
function brunoUids(input: CollectionInput): () => string {
  const hex = digest(input, 'bruno')
  let n = 0
  return () => {
    const seed = createHash('sha256').update(`${hex}:${n++}`).digest('base64')
    return seed
      .replace(/[^A-Za-z0-9]/g, '')
      .padEnd(21, '0')
      .slice(0, 21)
  }
}

/**
 * A Bruno collection (the JSON of Bruno's "Bruno Collection" import) with an environment holding the desk's
 * address and key; its collection-level script reads the token into the runtime variable `access_token`.
 */
export function brunoCollection(input: CollectionInput): BrunoCollection {
  const uid = brunoUids(input)
  const name = collectionName(input)
  const variable = (varName: string, value: string, secret = false): BrunoVariable => ({
    uid: uid(),
    name: varName,
    value,
    type: 'text',
    enabled: true,
    secret
  })
  const request = (
    itemName: string,
    seq: number,
    url: string,
    headers: BrunoRequestItem['request']['headers'],
    params: BrunoRequestItem['request']['params']
  ): BrunoRequestItem => ({
    uid: uid(),
    type: 'http-request',
    name: itemName,
    seq,
    request: {
      url,
      method: 'GET',
      headers,
      params,
      auth: { mode: 'none' },
      body: { mode: 'none' },
      script: { req: null, res: null },
      vars: { req: [], res: [] },
      assertions: [],
      tests: '',
      docs: ''
    }
  })
  return {
    version: '1',
    uid: uid(),
    name,
    items: [
      request(
        'getcallbackip (is the token alive?)',
        1,
        '{{wechat_api_base}}/cgi-bin/getcallbackip?access_token={{access_token}}',
        [],
        [{ uid: uid(), name: 'access_token', value: '{{access_token}}', type: 'query', enabled: true }]
      ),
      request(
        'The shared token (Local API)',
        2,
        '{{desk_url}}/v1/apps/{{appid}}/access-token',
        [{ uid: uid(), name: 'Authorization', value: 'Bearer {{desk_api_key}}', enabled: true }],
        []
      )
    ],
    environments: [
      {
        uid: uid(),
        name: 'WeChat Token Desk',
        variables: [
          variable('desk_url', input.deskUrl),
          variable('desk_api_key', input.key ?? KEY_PLACEHOLDER, true),
          variable('appid', input.appId),
          variable('wechat_api_base', input.apiBase)
        ]
      }
    ],
    root: {
      request: {
        headers: [],
        script: { req: BRUNO_PRE_REQUEST, res: BRUNO_POST_RESPONSE },
        vars: { req: [], res: [] },
        tests: ''
      },
      docs:
        `The shared access_token of ${input.appName} (${input.appId}), read from WeChat Token Desk's Local API ` +
        'before each request. Choose the "WeChat Token Desk" environment, and keep the desk running with its ' +
        'Local API on.'
    },
    brunoConfig: { version: '1', name, type: 'collection', ignore: ['node_modules', '.git'] }
  }
}
