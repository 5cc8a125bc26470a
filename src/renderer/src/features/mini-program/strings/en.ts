/** English strings of Mini Program login (i18next namespace `miniProgram`). `zh-cn.ts` is typed against this. */
export const miniProgramEn = {
  tab: 'Mini Program login',
  label: 'Mini Program login',
  heading: 'Mini Program login · 小程序登录',
  noSecret:
    'The AppSecret is not held in this session: codes cannot be exchanged here. Edit the app to enter it.',
  simulator: {
    user: 'Sandbox user',
    hint: 'The built-in emulator plays the phone: a code for this user, valid once for 5 minutes, as wx.login or the getPhoneNumber button would hand it to your page.',
    none: 'On a real Mini Program, get the code in WeChat DevTools or on a phone and paste it here.',
    expires: 'Code for {{user}}, valid for {{in}}'
  },
  login: {
    heading: '1 · wx.login → jscode2session',
    code: 'js_code (from wx.login)',
    simulate: 'Simulate wx.login',
    submit: 'Exchange',
    shortcut: 'Ctrl/⌘+Enter exchanges.',
    empty: 'Paste or simulate a code first.',
    result: 'Session',
    openid: 'openid',
    unionid: 'unionid',
    noUnionid: '(none: not bound to an Open Platform account)',
    sessionKey: 'session_key',
    reveal: 'Reveal',
    hide: 'Hide'
  },
  phone: {
    heading: '2 · getPhoneNumber → getuserphonenumber',
    code: 'Phone code (from the getPhoneNumber button)',
    openid: 'openid to check (optional)',
    simulate: 'Simulate getPhoneNumber',
    submit: 'Get phone number',
    shortcut: 'Ctrl/⌘+Enter sends.',
    empty: 'Paste or simulate a phone code first.',
    result: 'Phone number',
    phoneNumber: 'phoneNumber',
    purePhoneNumber: 'purePhoneNumber',
    countryCode: 'countryCode',
    watermark: 'watermark',
    watermarkValue: 'appid {{appid}}, timestamp {{timestamp}}'
  },
  notice: {
    'login-simulated': 'wx.login simulated: the code is in the form.',
    'phone-simulated': 'getPhoneNumber simulated: the code is in the form.',
    exchanged: 'Code exchanged.',
    'phone-read': 'Phone number read.'
  }
}
