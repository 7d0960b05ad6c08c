import { z } from "zod";
import { lineString } from "@/lib/action/fields";
import { email, newPassword } from "@/lib/org/schema";

/** "Forgot password?": the address to send a link to. */
export const forgotPasswordInput = z.object({ email });
export type ForgotPasswordInput = z.output<typeof forgotPasswordInput>;

/** A new password through an e-mailed link: the same rules as every new password. */
export const resetPasswordInput = z
  .object({
    // 32 random bytes in base64url: 43 characters.
    token: lineString().min(1, "auth.reset.linkInvalid").max(100, "auth.reset.linkInvalid"),
    newPassword,
    confirmPassword: lineString(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "settings.errors.passwordMismatch" });
export type ResetPasswordInput = z.output<typeof resetPasswordInput>;
