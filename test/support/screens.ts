import type { Page } from "playwright-core";

/**
 * Steps through screens that several journeys take the same way, in the words of the page's
 * language (English or Spanish), as a person would: by labels and roles.
 */

/** The words of the sign-out and sign-in steps, in each language. */
export const SIGN_OUT_WORDS = {
  en: { signOut: "Sign out" },
  es: { signOut: "Salir" },
} as const;
export const SIGN_IN_WORDS = {
  en: { email: "Email", password: "Password", submit: "Sign in" },
  es: { email: "Correo electrónico", password: "Contraseña", submit: "Iniciar sesión" },
} as const;

/** The header's Sign out, there on every screen (ASVS 7.4.4), then the button on its screen. */
export async function signOutOnScreen(page: Page, words: { signOut: string }) {
  await page.getByRole("banner").getByRole("link", { name: words.signOut }).click();
  await page.getByRole("main").getByRole("button", { name: words.signOut }).click();
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
