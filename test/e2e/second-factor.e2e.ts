import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticatorApp } from "../support/authenticator";
import { axeViolations, launchBrowser, watchPage } from "../support/browser";
import {
  SIGN_IN_WORDS,
  SIGN_OUT_WORDS,
  signInOnScreen,
  signOutOnScreen,
  signUpInSpanishAndOpenProtection,
} from "../support/screens";
import { type RunningServer, startServer } from "../support/server-process";
import { CLINICIAN, createAdmin, inviteLink, PHONE } from "../support/staff";

/**
 * A clinician who joins is sent to add an authenticator before anything else, sets one up by
 * typing the code an app computes from the key shown, signs out, and signs back in with a
 * code. A member who reads Spanish adds one by choice, and sign-in asks them for it too.
 */
describe("a second factor at sign-in", () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    createAdmin(server);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("sends a new clinician to set up an authenticator, then asks for its code at sign-in", async () => {
    const adminContext = await browser.newContext(PHONE);
    const link = await inviteLink(adminContext, server, "clinician");
    await adminContext.close();

    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    const watch = watchPage(page, server.url, [
      { path: "/api/me", status: 401 },
      { path: "/api/auth/second-factor", status: 400 },
    ]);
    await page.goto(link);
    await page.getByLabel("Email").fill(CLINICIAN.email);
    await page.getByLabel("Password", { exact: true }).fill(CLINICIAN.password);
    await page.getByLabel(/What should we call you/).fill("Sam Rivera");
    await page.getByRole("button", { name: "Accept invite" }).click();

    // Staff land here, not on Today, and the caseload sends them back until they are done.
    await page.getByRole("heading", { level: 1, name: "Sign-in protection" }).waitFor();
    await page.getByText(/add a passkey or an authenticator app before you continue/).waitFor();
    await page.goto(`${server.url}/caseload`);
    await page.getByRole("heading", { level: 1, name: "Sign-in protection" }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole("button", { name: "Set up an authenticator app" }).click();
    const key = await page.getByLabel("Setup key").inputValue();
    expect(key).toMatch(/^[A-Z2-7]{32}$/);
    // The QR code is drawn in the page: no request leaves for a QR service (watchPage checks).
    await page.getByRole("img", { name: /QR code with your setup key/ }).waitFor();
    expect(
      await page.getByRole("link", { name: "Open in my authenticator app" }).getAttribute("href"),
    ).toMatch(/^otpauth:\/\/totp\/Waymark:/);
    expect(await axeViolations(page)).toEqual([]);
    const app = authenticatorApp(key);
    await page.getByLabel("6-digit code").fill(app.nextCode());
    await page.getByRole("button", { name: "Turn on" }).click();
    const codes = page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem");
    await codes.first().waitFor();
    expect(await codes.count()).toBe(10);
    expect(await codes.first().textContent()).toMatch(/^\w{4}-\w{4}-\w{4}$/);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "I saved my codes" }).click();
    await page.getByRole("heading", { level: 1, name: "Hello, Sam Rivera" }).waitFor();

    await signOutOnScreen(page, SIGN_OUT_WORDS.en);
    await page.getByRole("heading", { level: 1, name: "Sign in" }).waitFor();
    await signInOnScreen(page, CLINICIAN, SIGN_IN_WORDS.en);
    await page.getByRole("heading", { level: 1, name: "One more step" }).waitFor();
    // Partly signed in: no main navigation yet.
    expect(await page.getByRole("navigation", { name: "Main" }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel("Code from your app").fill("000000");
    await page.getByRole("button", { name: "Continue" }).click();
    await page
      .getByRole("alert")
      .getByText(/didn't work/)
      .waitFor();
    await page.getByLabel("Code from your app").fill(app.nextCode());
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByRole("heading", { level: 1, name: "Hello, Sam Rivera" }).waitFor();
    await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Caseload" })
      .click();
    await page.getByRole("heading", { level: 1, name: /Caseload/ }).waitFor();

    expect(watch.consoleErrors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    await context.close();
  }, 120_000);

  it("lets a member who reads Spanish add one by choice, and asks for it at sign-in", async () => {
    const context = await browser.newContext({ ...PHONE, locale: "es-ES" });
    const page = await context.newPage();
    const account = {
      email: `ana-${Date.now()}@example.com`,
      password: "pasos firmes junto al río",
    };
    await signUpInSpanishAndOpenProtection(page, server.url, { ...account, name: "Ana" });
    await page.getByRole("button", { name: "Configurar una app de autenticación" }).click();
    const app = authenticatorApp(await page.getByLabel("Clave de configuración").inputValue());
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel("Código de 6 dígitos").fill(app.nextCode());
    await page.getByRole("button", { name: "Activar" }).click();
    await page.getByRole("heading", { name: "Tus códigos de recuperación" }).waitFor();
    await page.getByRole("button", { name: "Ya guardé mis códigos" }).click();
    await page.getByRole("heading", { level: 1, name: "Hola, Ana" }).waitFor();

    await signOutOnScreen(page, SIGN_OUT_WORDS.es);
    await signInOnScreen(page, account, SIGN_IN_WORDS.es);
    await page.getByRole("heading", { level: 1, name: "Un paso más" }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel("Código de tu app").fill(app.nextCode());
    await page.getByRole("button", { name: "Continuar" }).click();
    await page.getByRole("heading", { level: 1, name: "Hola, Ana" }).waitFor();

    // New recovery codes ask for the password first; a wrong one is said plainly.
    await page
      .getByRole("navigation", { name: /Main|Principal/ })
      .getByRole("link", { name: "Ajustes" })
      .click();
    await page.getByRole("link", { name: /Protección al entrar/ }).click();
    await page.getByRole("button", { name: "Crear códigos de recuperación nuevos" }).click();
    await page.getByLabel("Tu contraseña", { exact: true }).fill("no es mi contraseña de verdad");
    await page.getByRole("button", { name: "Crear códigos nuevos" }).click();
    await page.getByText("Esa contraseña no es correcta").waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel("Tu contraseña", { exact: true }).fill(account.password);
    await page.getByRole("button", { name: "Crear códigos nuevos" }).click();
    const codes = page.getByRole("list", { name: "Códigos de recuperación" }).getByRole("listitem");
    await codes.first().waitFor();
    expect(await codes.count()).toBe(10);
    await page.getByRole("button", { name: "Ya guardé mis códigos" }).click();

    // Changing the password asks for the current one.
    await page
      .getByRole("navigation", { name: /Main|Principal/ })
      .getByRole("link", { name: "Ajustes" })
      .click();
    await page.getByRole("link", { name: /^Contraseña/ }).click();
    await page.getByRole("heading", { level: 1, name: "Cambia tu contraseña" }).waitFor();
    await page.getByLabel("Contraseña actual", { exact: true }).fill(account.password);
    await page
      .getByLabel("Contraseña nueva", { exact: true })
      .fill("otra frase larga junto al mar");
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Cambiar contraseña" }).click();
    await page.getByRole("status").getByText("Tu contraseña ha cambiado").waitFor();
    await context.close();
  }, 120_000);
});
