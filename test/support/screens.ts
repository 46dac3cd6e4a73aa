import type { Page } from "playwright-core";

/**
 * Steps through screens that several journeys take the same way, in the words of the page's
 * language (English or Spanish), as a person would: by labels and roles.
 */

/** The words of the sign-out and sign-in steps, in each language. */
export const SIGN_OUT_WORDS = {
  en: { settings: "Settings", devices: /Signed-in devices/, signOut: "Sign out" },
  es: { settings: "Ajustes", devices: /Dispositivos con sesión iniciada/, signOut: "Salir" },
} as const;
export const SIGN_IN_WORDS = {
  en: { email: "Email", password: "Password", submit: "Sign in" },
  es: { email: "Correo electrónico", password: "Contraseña", submit: "Iniciar sesión" },
} as const;

/** Settings › Signed-in devices › Sign out. */
export async function signOutOnScreen(
  page: Page,
  words: { settings: string; devices: RegExp; signOut: string },
) {
  await page
    .getByRole("navigation", { name: /Main|Principal/ })
    .getByRole("link", { name: words.settings })
    .click();
  await page.getByRole("link", { name: words.devices }).click();
  await page.getByRole("button", { name: words.signOut }).click();
}

/** The sign-in form, in the page's words. */
export async function signInOnScreen(
  page: Page,
  account: { email: string; password: string },
  words: { email: string; password: string; submit: string },
) {
  await page.getByLabel(words.email).fill(account.email);
  await page.getByLabel(words.password, { exact: true }).fill(account.password);
  await page.getByRole("button", { name: words.submit }).click();
}

/** A member who reads Spanish signs up, lands on Today, and opens Ajustes › Protección al entrar. */
export async function signUpInSpanishAndOpenProtection(
  page: Page,
  serverUrl: string,
  account: { email: string; password: string; name: string },
) {
  await page.goto(`${serverUrl}/sign-up`);
  await page.getByLabel("Correo electrónico").fill(account.email);
  await page.getByLabel("Contraseña", { exact: true }).fill(account.password);
  await page.getByLabel(/Cómo quieres que te llamemos/).fill(account.name);
  await page.getByRole("button", { name: "Crear cuenta" }).click();
  await page.getByRole("heading", { level: 1, name: `Hola, ${account.name}` }).waitFor();
  await page
    .getByRole("navigation", { name: /Main|Principal/ })
    .getByRole("link", { name: "Ajustes" })
    .click();
  await page.getByRole("link", { name: /Protección al entrar/ }).click();
  await page.getByRole("heading", { level: 1, name: "Protección al entrar" }).waitFor();
}
