import type { PushAccount, PushTemplate, TemplateField } from '../../shared/contract'
import { text } from '../../shared/result'

const f = (name: string, en: string, zh: string, value: string, bare = false): TemplateField => ({
  name,
  label: text(en, zh),
  value,
  ...(bare ? { bare } : {})
})

const MEDIA_ID = f('MediaId', 'Media id', '媒体 ID', 'media_id_1234567890')
const PIC_URL = f('PicUrl', 'Picture URL', '图片链接', 'https://mmbiz.qpic.cn/mmbiz_jpg/sample/0')
const THUMB = f('ThumbMediaId', 'Thumbnail media id', '缩略图媒体 ID', 'thumb_media_id_123')
const TICKET = f(
  'Ticket',
  'QR ticket',
  '二维码 ticket',
  'gQH47joAAAAAAAAAASxodHRwOi8vd2VpeGluLnFxLmNvbS9xL2taZ2Z3TVRtNzJXV1Brb3ZhYmJJAAIEZ23sUwMEmm3sUw=='
)

/** Every push the simulator can send, in the order a UI lists them. */
export const PUSH_TEMPLATES: readonly PushTemplate[] = [
  {
    id: 'text',
    account: 'official-account',
    label: text('Text message', '文本消息'),
    msgType: 'text',
    msgId: true,
    fields: [f('Content', 'Content', '内容', 'this is a test')]
  },
  {
    id: 'image',
    account: 'official-account',
    label: text('Image message', '图片消息'),
    msgType: 'image',
    msgId: true,
    fields: [PIC_URL, MEDIA_ID]
  },
  {
    id: 'voice',
    account: 'official-account',
    label: text('Voice message', '语音消息'),
    msgType: 'voice',
    msgId: true,
    fields: [
      MEDIA_ID,
      f('Format', 'Format (amr / speex)', '格式（amr / speex）', 'amr'),
      f('MediaId16K', '16 kHz media id', '16K 采样率媒体 ID', 'media_id_16k_1234567890')
    ]
  },
  {
    id: 'video',
    account: 'official-account',
    label: text('Video message', '视频消息'),
    msgType: 'video',
    msgId: true,
    fields: [MEDIA_ID, THUMB]
  },
  {
    id: 'shortvideo',
    account: 'official-account',
    label: text('Short video message', '小视频消息'),
    msgType: 'shortvideo',
    msgId: true,
    fields: [MEDIA_ID, THUMB]
  },
  {
    id: 'location',
    account: 'official-account',
    label: text('Location message', '地理位置消息'),
    msgType: 'location',
    msgId: true,
    fields: [
      f('Location_X', 'Latitude', '纬度', '23.134521', true),
      f('Location_Y', 'Longitude', '经度', '113.358803', true),
      f('Scale', 'Map zoom', '地图缩放', '20', true),
      f('Label', 'Place', '地点', '广州市天河区')
    ]
  },
  {
    id: 'link',
    account: 'official-account',
    label: text('Link message', '链接消息'),
    msgType: 'link',
    msgId: true,
    fields: [
      f('Title', 'Title', '标题', '公众平台官网链接'),
      f('Description', 'Description', '描述', '公众平台官网链接'),
      f('Url', 'URL', '链接', 'https://mp.weixin.qq.com/')
    ]
  },
  {
    id: 'event.subscribe',
    account: 'official-account',
    label: text('Follow (subscribe)', '关注事件（subscribe）'),
    msgType: 'event',
    event: 'subscribe',
    msgId: false,
    fields: []
  },
  {
    id: 'event.subscribe.qrscene',
    account: 'official-account',
    label: text('Follow from a parametric QR code', '扫描带参数二维码关注'),
    msgType: 'event',
    event: 'subscribe',
    msgId: false,
    fields: [f('EventKey', 'qrscene_ + scene value', 'qrscene_ + 场景值', 'qrscene_123123'), TICKET]
  },
  {
    id: 'event.unsubscribe',
    account: 'official-account',
    label: text('Unfollow (unsubscribe)', '取消关注事件（unsubscribe）'),
    msgType: 'event',
    event: 'unsubscribe',
    msgId: false,
    fields: []
  },
  {
    id: 'event.SCAN',
    account: 'official-account',
    label: text('Scan a parametric QR code (already following)', '已关注用户扫描带参数二维码（SCAN）'),
    msgType: 'event',
    event: 'SCAN',
    msgId: false,
    fields: [f('EventKey', 'Scene value', '场景值', '123123'), TICKET]
  },
  {
    id: 'event.LOCATION',
    account: 'official-account',
    label: text('Location report (LOCATION)', '上报地理位置事件（LOCATION）'),
    msgType: 'event',
    event: 'LOCATION',
    msgId: false,
    fields: [
      f('Latitude', 'Latitude', '纬度', '23.137466', true),
      f('Longitude', 'Longitude', '经度', '113.352425', true),
      f('Precision', 'Precision', '精度', '119.385040', true)
    ]
  },
  {
    id: 'event.CLICK',
    account: 'official-account',
    label: text('Menu click (CLICK)', '点击菜单拉取消息（CLICK）'),
    msgType: 'event',
    event: 'CLICK',
    msgId: false,
    fields: [f('EventKey', 'Menu key', '菜单 KEY 值', 'V1001_TODAY_MUSIC')]
  },
  {
    id: 'event.VIEW',
    account: 'official-account',
    label: text('Menu link (VIEW)', '点击菜单跳转链接（VIEW）'),
    msgType: 'event',
    event: 'VIEW',
    msgId: false,
    fields: [
      f('EventKey', 'Link URL', '跳转链接', 'https://www.qq.com/'),
      f('MenuId', 'Menu id', '菜单 ID', '208396938', true)
    ]
  },
  {
    id: 'event.TEMPLATESENDJOBFINISH',
    account: 'official-account',
    label: text(
      'Template message delivered (TEMPLATESENDJOBFINISH)',
      '模板消息发送结果（TEMPLATESENDJOBFINISH）'
    ),
    msgType: 'event',
    event: 'TEMPLATESENDJOBFINISH',
    msgId: false,
    fields: [
      f('MsgID', 'Template message id', '模板消息 ID', '200163836', true),
      f(
        'Status',
        'success | failed:user block | failed: system failed',
        'success | failed:user block | failed: system failed',
        'success'
      )
    ]
  },
  {
    id: 'mp.text',
    account: 'mini-program',
    label: text('Customer-service text', '客服消息：文本'),
    msgType: 'text',
    msgId: true,
    fields: [f('Content', 'Content', '内容', 'this is a test')]
  },
  {
    id: 'mp.image',
    account: 'mini-program',
    label: text('Customer-service image', '客服消息：图片'),
    msgType: 'image',
    msgId: true,
    fields: [PIC_URL, MEDIA_ID]
  },
  {
    id: 'mp.miniprogrampage',
    account: 'mini-program',
    label: text('Customer-service Mini Program card', '客服消息：小程序卡片'),
    msgType: 'miniprogrampage',
    msgId: true,
    fields: [
      f('Title', 'Title', '标题', 'Title'),
      f('AppId', 'AppID', 'AppID', 'wxe5f52902cf4de896'),
      f('PagePath', 'Page path', '页面路径', 'pages/index/index'),
      f('ThumbUrl', 'Thumbnail URL', '封面图链接', 'https://mmbiz.qpic.cn/sample/thumb'),
      THUMB
    ]
  },
  {
    id: 'mp.event.user_enter_tempsession',
    account: 'mini-program',
    label: text('User opens the customer-service session', '用户进入客服会话（user_enter_tempsession）'),
    msgType: 'event',
    event: 'user_enter_tempsession',
    msgId: false,
    fields: [f('SessionFrom', 'session-from (≤ 1000 bytes)', 'session-from（≤ 1000 字节）', 'sessionFrom')]
  }
]

export function templateById(id: string): PushTemplate | undefined {
  return PUSH_TEMPLATES.find((template) => template.id === id)
}

/** The templates an account can receive, in display order. */
export function templatesFor(account: PushAccount): PushTemplate[] {
  return PUSH_TEMPLATES.filter((template) => template.account === account)
}
