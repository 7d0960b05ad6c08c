import { SegmentedMessage } from "sms-segments-calculator";

export interface SmsSize {
  encoding: "GSM-7" | "UCS-2";
  segments: number;
}

/** How an SMS goes on the wire: Twilio's own calculator, so the count is what Twilio bills. */
export function smsSize(text: string): SmsSize {
  const message = new SegmentedMessage(text, "auto");
  return { encoding: message.encodingName, segments: message.segmentsCount };
}

export function fitsOneSegment(text: string): boolean {
  return smsSize(text).segments <= 1;
}
