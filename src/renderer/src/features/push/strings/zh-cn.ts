import type { pushEn } from './en'

/** 消息推送调试的简体中文（i18next 命名空间 `push`）。类型与英文一致，缺少或多出的键都会在编译时报错。 */
export const pushZhCN: typeof pushEn = {
  tab: '消息推送',
  label: '消息推送调试',
  heading: '消息推送调试',
  intro:
    '按微信的方式签名（并加密）URL 验证和消息 / 事件推送，发往你自己的服务器，并像微信一样判定服务器的回复。',
  persistence: {
    encrypted: 'Token 和 EncodingAESKey 已加密保存。',
    'session-only': '没有安全存储：Token 和 EncodingAESKey 仅在本次运行期间保留。'
  },
  config: {
    heading: '1 · 服务器配置',
    url: 'URL',
    urlHint:
      '你的服务器，例如 http://127.0.0.1:8080/wechat。桌面端只会向这里发送，端口不限（微信本身要求公网 80/443）。',
    token: 'Token',
    aesKey: 'EncodingAESKey',
    saved: '已保存：{{mask}}。留空则保持不变。',
    hintWithState: '{{hint}}{{state}}',
    notSet: '尚未设置。',
    tokenHint: '3 至 32 位字母或数字，与服务器中的配置一致。',
    aesKeyHint: '43 位字母或数字：兼容模式和安全模式下必填。',
    generate: '随机生成',
    replaceKey: {
      title: '替换 EncodingAESKey？',
      body: '已保存的密钥（{{mask}}）会立即被新密钥替换。在服务器换上新密钥之前，它将无法解密任何消息。',
      confirm: '生成新密钥',
      cancel: '保留当前密钥'
    },
    copyToken: '复制 Token',
    copyAesKey: '复制 EncodingAESKey',
    copy: '复制',
    mode: '消息加解密方式',
    modes: {
      plain: '明文模式',
      compat: '兼容模式',
      safe: '安全模式'
    },
    modeHints: {
      plain: '消息以可读的 XML 传输。',
      compat: '明文字段加上一份加密副本；回复可以是明文或密文。',
      safe: '只有 ToUserName 和加密后的消息在传输；回复也必须加密。'
    },
    format: '数据格式',
    formats: { xml: 'XML', json: 'JSON' },
    formatHint: '与小程序后台中的选择一致。',
    formatXmlOnly: '公众号只推送 XML。',
    accountId: '原始 ID（ToUserName）',
    accountIdHint: '账号的原始 ID，gh_ 开头。',
    openid: '沙箱用户 openid（FromUserName）',
    openidHint: '向账号发消息的用户。',
    appId: 'AppID',
    appIdHint: '本应用的 AppID，会封入每条加密消息。',
    save: '保存',
    verify: '验证 URL',
    unsaved: '有未保存的修改：验证和发送前会先保存。',
    otherIssues: '另需修改：'
  },
  composer: {
    heading: '2 · 发送消息或事件',
    label: '消息编辑',
    template: '消息或事件',
    messages: '消息',
    events: '事件',
    fields: '字段',
    noFields: '此事件没有自己的字段。',
    field: '{{label}}（{{name}}）',
    body: '原始消息体',
    bodyHint:
      '签名、加密（兼容 / 安全模式）和发送的都是这里的明文。每次重新生成都会换新的 MsgId 和 CreateTime。',
    edited: '已手动修改：字段的改动不再覆盖它。',
    rebuild: '按字段重新生成',
    retry: '像微信一样重试：{{seconds}} 秒内无应答则重发同一条推送（共 {{deliveries}} 次）',
    send: '发送',
    shortcut: 'Ctrl/⌘+Enter 发送。'
  },
  run: {
    label: '进度',
    verifying: '正在验证 URL…',
    sending: '正在发送…',
    waiting: '第 {{delivery}} / {{deliveries}} 次投递：等待应答… {{elapsed}} 秒（最多 {{seconds}} 秒）',
    delivery: '第 {{delivery}} 次投递：{{outcome}}',
    resending: '重发同一条推送'
  },
  outcome: {
    answer: 'HTTP {{status}}，{{ms}} 毫秒',
    timeout: '{{seconds}} 秒内无应答',
    network: '无法连接（{{message}}）'
  },
  verdict: {
    accepted: '通过',
    refused: '未通过',
    levels: { refusal: '拒绝', warning: '警告', note: '说明' },
    findings: '检查结果',
    noFindings: '没有补充：微信会照常接受。'
  },
  entry: {
    label: '结果',
    heading: '3 · 结果',
    none: '还没有发送。请先验证 URL 或发送一条消息。',
    facts: '{{time}} · {{mode}} · {{duration}} 毫秒',
    deliveries: '投递 {{count}} 次',
    copyCurl: '复制为 curl',
    request: '请求',
    plaintext: '加密前的明文',
    signature: 'signature：排序并拼接后的字符串（Token 已打码）',
    msgSignature: 'msg_signature：排序并拼接后的字符串（Token 已打码）',
    response: '响应',
    deliveryHeading: '第 {{delivery}} 次投递 · {{outcome}}',
    noBody: '（空响应）',
    truncated: '只读取了响应的开头部分。',
    reply: '微信读到的回复',
    decrypted: '已从 Encrypt 密文中解密。',
    judged: '判定依据：第 {{delivery}} 次投递的应答。'
  },
  phone: {
    label: '手机预览',
    caption: '用户看到的内容',
    you: '{{openid}} 发送',
    nothing: '没有回复：聊天界面保持不变。',
    image: '[图片] media_id {{id}}',
    voice: '[语音] media_id {{id}}',
    video: '[视频] {{title}}',
    music: '[音乐] {{title}}',
    moreArticles: '另有 {{count}} 篇图文超出上限，未显示。',
    customerService: '已转给客服（{{account}}）：稍后由客服回复。',
    anyAgent: '任意客服',
    incoming: {
      image: '[图片]',
      voice: '[语音]',
      video: '[视频]',
      shortvideo: '[小视频]',
      location: '[位置]',
      link: '[链接]',
      miniprogrampage: '[小程序卡片]',
      other: '[{{type}}]'
    }
  },
  history: {
    heading: '历史记录',
    label: '推送历史',
    empty: '还没有验证或推送记录。',
    time: '时间',
    what: '内容',
    mode: '模式',
    answer: '应答',
    noAnswer: '无应答',
    noConnection: '无法连接',
    duration: '耗时',
    verdict: '结论',
    show: '查看',
    showing: '查看中',
    clear: '清空历史',
    cleared: '历史已清空。',
    modes: { plain: '明文', compat: '兼容', safe: '安全' }
  },
  notice: {
    saved: '配置已保存。',
    keyGenerated: '已生成并保存新的 EncodingAESKey：请复制到服务器的配置中。',
    tokenCopied: 'Token 已复制。',
    aesKeyCopied: 'EncodingAESKey 已复制。',
    curlCopied: 'curl 已复制。'
  }
}
