/**
 * Short, realistic subjects and bodies of demo interactions, in English and Chinese. `{p}` stands for a product.
 * Each entry is [subject, body].
 */
export type Lang = 'en' | 'zh';
export type Line = readonly [subject: string, body: string];

export type TextKey =
  | 'callOut'
  | 'callIn'
  | 'emailOut'
  | 'emailIn'
  | 'meeting'
  | 'note'
  | 'inquiry'
  | 'feedbackGood'
  | 'feedbackBad'
  | 'complaint'
  | 'quote'
  | 'thanks'
  | 'shipped'
  | 'leadFollowUp'
  | 'tradeShow'
  | 'closeLead'
  | 'goodbye'
  | 'upsell';

export const TEXTS: Record<TextKey, Record<Lang, readonly Line[]>> = {
  callOut: {
    en: [
      ['Follow-up call', 'Checked in after the last order; all good so far.'],
      ['Quarterly check-in', 'Went through upcoming needs for the next quarter.'],
      ['Delivery scheduling', 'Agreed a delivery window for the {p}.'],
      ['Call about the {p}', 'Answered questions on assembly and warranty.'],
      ['Account review', 'Reviewed open invoices and next purchases.'],
      ['Courtesy call', 'Asked how the team likes the new furniture.'],
    ],
    zh: [
      ['电话回访', '回访上次订单的使用情况,客户反馈良好。'],
      ['季度回访', '沟通了下季度的采购计划。'],
      ['确认送货时间', '和客户确认了{p}的送货时间。'],
      ['关于{p}的电话', '解答了安装和保修方面的问题。'],
      ['客户回访', '了解新家具的使用体验。'],
    ],
  },
  callIn: {
    en: [
      ['Question about an order', 'Asked when the {p} will ship.'],
      ['Price question', 'Wanted to know if there is a discount on the {p}.'],
      ['Assembly help', 'Walked them through assembling the {p}.'],
      ['Invoice question', 'Needed a copy of the last invoice with the PO number.'],
    ],
    zh: [
      ['订单咨询', '询问{p}什么时候发货。'],
      ['价格咨询', '询问{p}是否有折扣。'],
      ['安装问题', '电话指导客户安装{p}。'],
      ['发票问题', '需要补开上一张发票。'],
    ],
  },
  emailOut: {
    en: [
      ['New catalogue', 'Sent the spring catalogue and price list.'],
      ['Checking in', 'Asked whether they need anything for the new office.'],
      ['Offer: {p}', '10% off the {p} until the end of the month.'],
      ['Care guide for your {p}', 'Sent cleaning and care instructions.'],
    ],
    zh: [
      ['新品目录', '发送了新一季产品目录和报价单。'],
      ['近况问候', '询问新办公室是否还需要添置家具。'],
      ['优惠:{p}', '本月底前{p}九折。'],
    ],
  },
  emailIn: {
    en: [
      ['Re: your offer', 'Thanks, we will discuss it internally.'],
      ['Delivery address change', 'Please deliver the {p} to our new address.'],
      ['Re: invoice', 'Payment has been sent.'],
      ['Question', 'Do you also offer the {p} in black?'],
    ],
    zh: [
      ['回复:报价', '谢谢,我们内部讨论一下。'],
      ['更改收货地址', '{p}请送到新地址。'],
      ['回复:发票', '款项已支付。'],
      ['咨询', '{p}有黑色款吗?'],
    ],
  },
  meeting: {
    en: [
      ['Showroom visit', 'Tried out chairs and desks; shortlisted the {p}.'],
      ['Site visit', 'Measured the office for the {p}.'],
      ['Planning meeting', 'Went through floor plan and budget.'],
      ['Product demo', 'Demonstrated the {p}.'],
      ['Business review', 'Reviewed last year and plans for the next.'],
    ],
    zh: [
      ['展厅参观', '试坐了座椅和办公桌,初步选定{p}。'],
      ['上门量尺', '到现场测量了{p}的摆放尺寸。'],
      ['方案沟通会', '讨论了平面布局和预算。'],
      ['产品演示', '演示了{p}的功能。'],
      ['年度业务回顾', '回顾了去年的合作和明年的计划。'],
    ],
  },
  note: {
    en: [
      ['Note', 'Prefers deliveries before 10 am.'],
      ['Note', 'Decision maker is the office manager.'],
      ['Note', 'Budget approval usually takes two weeks.'],
      ['Note', 'Interested in the {p} for next quarter.'],
      ['Note', 'Pays invoices promptly.'],
    ],
    zh: [
      ['备注', '希望上午 10 点前送货。'],
      ['备注', '决策人是行政经理。'],
      ['备注', '预算审批一般需要两周。'],
      ['备注', '下季度可能采购{p}。'],
      ['备注', '付款及时。'],
    ],
  },
  inquiry: {
    en: [
      ['Inquiry: {p}', 'Asked for price and delivery time of the {p}.'],
      ['Quote request', 'Needs a quote for furnishing a small office.'],
      ['Product question', 'Would the {p} suit a tall person?'],
      ['Availability', 'Do you have the {p} in stock?'],
      ['Bulk order inquiry', 'Looking for volume pricing on the {p}.'],
    ],
    zh: [
      ['咨询:{p}', '询问{p}的价格和交期。'],
      ['询价', '小型办公室整体配置需要报价。'],
      ['产品咨询', '{p}适合个子高的人用吗?'],
      ['库存咨询', '{p}现在有货吗?'],
      ['批量采购咨询', '{p}批量采购有什么价格?'],
    ],
  },
  feedbackGood: {
    en: [
      ['Happy with the {p}', 'Great quality and fast delivery.'],
      ['Thank you', 'The team loves the new setup.'],
      ['Review', 'Five stars, would buy again.'],
    ],
    zh: [
      ['{p}很好用', '质量很好,送货也快。'],
      ['感谢', '同事们都很喜欢新的办公环境。'],
      ['好评', '五星好评,还会回购。'],
    ],
  },
  feedbackBad: {
    en: [
      ['Feedback', 'Expected the {p} to be sturdier.'],
      ['Feedback on delivery', 'The driver was late and did not call ahead.'],
      ['Not quite right', 'Colour of the {p} differs from the website.'],
    ],
    zh: [
      ['意见反馈', '{p}没有预期的结实。'],
      ['送货反馈', '司机迟到也没提前打电话。'],
      ['不太满意', '{p}的颜色和网上图片不一样。'],
    ],
  },
  complaint: {
    en: [
      ['Late delivery', 'The {p} arrived two weeks after the promised date.'],
      ['Damaged on arrival', 'Found scratches on the {p} when unpacking.'],
      ['Wrong item shipped', 'Received a different model than ordered.'],
      ['Invoice error', 'Charged twice for the same order.'],
      ['Broken after a month', 'The {p} broke after a few weeks of use.'],
      ['Slow support', 'Waited a week for an answer to a warranty claim.'],
    ],
    zh: [
      ['送货延迟', '{p}比约定时间晚了两周才到。'],
      ['到货破损', '{p}开箱发现有划痕。'],
      ['发错货', '收到的型号和订单不一致。'],
      ['发票有误', '同一订单被重复扣款。'],
      ['质量问题', '{p}用了几周就坏了。'],
      ['售后太慢', '保修申请一周都没有回复。'],
    ],
  },
  quote: {
    en: [
      ['Quote: {p}', 'Quote attached as discussed, valid for 30 days.'],
      ['Revised quote', 'Updated the quote with the volume discount.'],
      ['Proposal for the new office', 'Proposal with layout and {p} attached.'],
    ],
    zh: [
      ['报价单:{p}', '按沟通内容附上报价,有效期 30 天。'],
      ['修改后的报价', '已按批量折扣更新报价。'],
      ['新办公室方案', '附上平面方案和{p}报价。'],
    ],
  },
  thanks: {
    en: [
      ['Thank you for your order', 'Let us know how you like the {p}.'],
      ['How are you getting on?', 'We would love to hear what you think of the {p}.'],
    ],
    zh: [
      ['感谢您的订购', '欢迎随时反馈{p}的使用感受。'],
      ['{p}用得怎么样?', '期待您的意见。'],
    ],
  },
  shipped: {
    en: [
      ['Your order has shipped', 'Tracking details for the {p} are attached.'],
      ['Invoice', 'Invoice for the {p} attached, payment due in 30 days.'],
      ['Delivery confirmation', 'The {p} will arrive on Thursday between 9 and 12.'],
    ],
    zh: [
      ['订单已发货', '{p}的物流单号已发送。'],
      ['发票', '{p}的发票已发送,请在 30 天内付款。'],
      ['送货确认', '{p}预计周四上午送达。'],
    ],
  },
  leadFollowUp: {
    en: [
      ['Follow-up on your inquiry', 'Sent brochure and prices for the {p}.'],
      ['Intro call', 'Discussed needs; they are comparing suppliers.'],
      ['Follow-up', 'Asked whether they had a chance to review the offer.'],
    ],
    zh: [
      ['咨询跟进', '发送了{p}的产品手册和价格。'],
      ['初次沟通', '了解需求,客户在比较几家供应商。'],
      ['跟进', '询问客户是否看过报价。'],
    ],
  },
  tradeShow: {
    en: [
      ['Met at trade show', 'Stopped by our booth, interested in the {p}.'],
      ['Trade show lead', 'Scanned badge at the booth; wants a catalogue.'],
    ],
    zh: [
      ['展会结识', '在展位交流,对{p}感兴趣。'],
      ['展会线索', '展会上留了名片,需要产品目录。'],
    ],
  },
  closeLead: {
    en: [
      ['No response', 'Three attempts without reply; closing for now.'],
      ['Went with another supplier', 'Chose a cheaper offer elsewhere.'],
      ['Not now', 'Project postponed indefinitely.'],
    ],
    zh: [
      ['无回应', '联系三次未回复,暂时搁置。'],
      ['选择了其他供应商', '选了价格更低的供应商。'],
      ['暂不需要', '项目无限期推迟。'],
    ],
  },
  goodbye: {
    en: [
      ['Cancel our account', 'We have moved to another supplier.'],
      ['Unsubscribe', 'Please remove us from your mailing list.'],
      ['Not ordering again', 'After the last experience we will look elsewhere.'],
    ],
    zh: [
      ['取消合作', '我们已经换了其他供应商。'],
      ['退订', '请不要再发邮件了。'],
      ['不再订购', '上次的体验不好,以后不考虑了。'],
    ],
  },
  upsell: {
    en: [
      ['Expansion plans', 'Hiring 10 more people; will need more {p}.'],
      ['Second office', 'Opening a new site next quarter, wants a proposal.'],
    ],
    zh: [
      ['扩张计划', '准备再招 10 个人,需要增加{p}。'],
      ['新办公点', '下季度开设新办公室,需要方案。'],
    ],
  },
};

export const SURVEY_SUBJECT: Record<'nps' | 'csat', Record<Lang, string>> = {
  nps: { en: 'How likely are you to recommend us?', zh: '您向朋友推荐我们的可能性有多大?' },
  csat: { en: 'How satisfied were you with your order?', zh: '您对本次订单满意吗?' },
};

/** Free-text answers to a survey, by the answer's mood. */
export const SURVEY_COMMENTS: Record<'high' | 'middle' | 'low', Record<Lang, readonly string[]>> = {
  high: {
    en: ['Great service, as always.', 'Very happy with quality and delivery.', 'Friendly and helpful team.'],
    zh: ['服务一如既往的好。', '质量和送货都很满意。', '团队很专业。'],
  },
  middle: {
    en: ['Good products, a bit pricey.', 'Delivery could be faster.', 'Fine overall.'],
    zh: ['产品不错,价格偏高。', '送货可以再快一点。', '总体还行。'],
  },
  low: {
    en: ['Too many problems with the last order.', 'Support does not respond.', 'Quality has gone down.'],
    zh: ['上次订单问题太多。', '售后不回复。', '质量不如以前。'],
  },
};

export type ComplaintOutcome = 'resolved' | 'replacement sent' | 'refund issued' | 'escalated' | 'unresolved';

/** The call that follows a complaint, by how the complaint ended. */
export const RESOLUTIONS: Record<ComplaintOutcome, Record<Lang, readonly Line[]>> = {
  resolved: {
    en: [['Complaint follow-up', 'Apologised; the issue is sorted.'], ['Complaint follow-up', 'Sent a technician to fix the {p}.']],
    zh: [['投诉跟进', '已致歉,问题已解决。'], ['投诉跟进', '安排师傅上门维修{p}。']],
  },
  'replacement sent': {
    en: [['Replacement arranged', 'Apologised and sent a replacement {p}.']],
    zh: [['安排换货', '致歉并寄出新的{p}。']],
  },
  'refund issued': {
    en: [['Refund', 'Issued a partial refund for the {p}.']],
    zh: [['退款', '{p}已办理部分退款。']],
  },
  escalated: {
    en: [['Complaint escalated', 'Passed to the operations manager.']],
    zh: [['投诉升级', '已转交运营经理处理。']],
  },
  unresolved: {
    en: [['Complaint follow-up', 'Called back; the customer is still unhappy.']],
    zh: [['投诉跟进', '回电沟通,客户仍不满意。']],
  },
};

export const OUTCOMES = {
  call: ['connected', 'connected', 'connected', 'left voicemail', 'no answer', 'callback requested'],
  meeting: ['follow-up scheduled', 'quote requested', 'positive', 'undecided'],
  complaint: ['resolved', 'resolved', 'replacement sent', 'refund issued', 'escalated'] as ComplaintOutcome[],
  fadingComplaint: ['unresolved', 'escalated', 'refund issued', 'resolved'] as ComplaintOutcome[],
  inquiry: ['answered', 'quote sent', 'answered'],
  purchase: ['paid', 'paid', 'delivered'],
} as const;

/** Replaces the product placeholder. */
export function fill(text: string, product: string): string {
  return text.includes('{p}') ? text.replace('{p}', product) : text;
}
