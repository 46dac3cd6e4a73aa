import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
 * Passkeys in real Chromium, with the DevTools Protocol's virtual authenticator standing in for
 * a phone's fingerprint reader: a clinician who joins adds a passkey as their second factor,
 * and later finishes signing in with it; a member who reads Spanish adds one by choice.
 */
describe("passkeys as a second factor", () => {
  let server: RunningServer;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    createAdmin(server);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** A platform authenticator that verifies the person at once (a fingerprint, as it were). */
  async function addVirtualAuthenticator(context: BrowserContext, page: Page) {
    const cdp = await context.newCDPSession(page);
    await cdp.send("WebAuthn.enable");
    const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
      options: {
        protocol: "ctap2",
        transport: "internal",
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
        automaticPresenceSimulation: true,
      },
    });
    return {
      credentials: async () =>
        (await cdp.send("WebAuthn.getCredentials", { authenticatorId })).credentials,
    };
  }

  it("lets a new clinician add a passkey instead of an app, and finish signing in with it", async () => {
    const adminContext = await browser.newContext(PHONE);
    const link = await inviteLink(adminContext, server, "clinician");
    await adminContext.close();

    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    const authenticator = await addVirtualAuthenticator(context, page);
    const watch = watchPage(page, server.url, [{ path: "/api/me", status: 401 }]);
    await page.goto(link);
    await page.getByLabel("Email").fill(CLINICIAN.email);
    await page.getByLabel("Password", { exact: true }).fill(CLINICIAN.password);
    await page.getByLabel(/What should we call you/).fill("Sam Rivera");
    await page.getByRole("button", { name: "Accept invite" }).click();

    await page.getByRole("heading", { level: 1, name: "Sign-in protection" }).waitFor();
    await page.getByText(/add a passkey or an authenticator app before you continue/).waitFor();
    await page.getByRole("heading", { level: 2, name: "Passkeys" }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    // A name first: the form says so rather than asking the device.
    await page.getByRole("button", { name: "Add a passkey" }).click();
    await page.getByText("Give this passkey a name first.").waitFor();
    await page.getByLabel("Name this passkey").fill("Work phone");
    await page.getByRole("button", { name: "Add a passkey" }).click();
    // The first second factor comes with recovery codes, shown once.
    const codes = page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem");
    await codes.first().waitFor();
    expect(await codes.count()).toBe(10);
    await page.getByRole("button", { name: "I saved my codes" }).click();
    await page.getByRole("heading", { level: 1, name: "Hello, Sam Rivera" }).waitFor();
    expect(await authenticator.credentials()).toHaveLength(1);

    // The passkey is listed; removing the only one warns what it costs, and Keep it keeps it.
    await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Settings" })
      .click();
    await page.getByRole("link", { name: /Sign-in protection/ }).click();
    const list = page.getByRole("list", { name: "Your passkeys" });
    await list.getByText("Work phone").waitFor();
    await list.getByText(/not used to sign in yet/).waitFor();
    await page.getByRole("button", { name: "Remove passkey Work phone" }).click();
    await page.getByText(/won't see the records people share with you/).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Keep it" }).click();
    await page.getByRole("button", { name: "Remove passkey Work phone" }).waitFor();

    await signOutOnScreen(page, SIGN_OUT_WORDS.en);
    await page.getByRole("heading", { level: 1, name: "Sign in" }).waitFor();
    await signInOnScreen(page, CLINICIAN, SIGN_IN_WORDS.en);
    await page.getByRole("heading", { level: 1, name: "One more step" }).waitFor();
    // Only a passkey: the app's code is not offered, a recovery code is.
    await page.getByRole("button", { name: "Use a recovery code instead" }).waitFor();
    expect(await page.getByRole("button", { name: /authenticator app/ }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Use my passkey" }).click();
    await page.getByRole("heading", { level: 1, name: "Hello, Sam Rivera" }).waitFor();
    await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Caseload" })
      .click();
    await page.getByRole("heading", { level: 1, name: /Caseload/ }).waitFor();
    const [credential] = await authenticator.credentials();
    expect(credential?.signCount).toBeGreaterThanOrEqual(1);

    expect(watch.consoleErrors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    await context.close();
  }, 120_000);

  it("lets a member who reads Spanish add a passkey by choice and sign in with it", async () => {
    const context = await browser.newContext({ ...PHONE, locale: "es-ES" });
    const page = await context.newPage();
    await addVirtualAuthenticator(context, page);
    const account = {
      email: `lucia-${Date.now()}@example.com`,
      password: "pasos firmes al amanecer",
    };
    await signUpInSpanishAndOpenProtection(page, server.url, { ...account, name: "Lucía" });
    await page.getByRole("heading", { level: 2, name: "Llaves de acceso" }).waitFor();
    await page.getByLabel("Nombre de esta llave").fill("Mi teléfono");
    await page.getByRole("button", { name: "Agregar una llave de acceso" }).click();
    await page.getByRole("heading", { name: "Tus códigos de recuperación" }).waitFor();
    await page.getByRole("button", { name: "Ya guardé mis códigos" }).click();
    await page.getByRole("heading", { level: 1, name: "Hola, Lucía" }).waitFor();

    await signOutOnScreen(page, SIGN_OUT_WORDS.es);
    await signInOnScreen(page, account, SIGN_IN_WORDS.es);
    await page.getByRole("heading", { level: 1, name: "Un paso más" }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Usar mi llave de acceso" }).click();
    await page.getByRole("heading", { level: 1, name: "Hola, Lucía" }).waitFor();

    // Removing her only passkey warns her, and asks for her password; a wrong one keeps it.
    await page.goto(`${server.url}/settings/second-factor`);
    await page.getByRole("button", { name: "Quitar la llave Mi teléfono" }).click();
    await page.getByText("Es tu único segundo paso al iniciar sesión.", { exact: false }).waitFor();
    await page.getByLabel("Tu contraseña").fill("no es mi contraseña");
    await page.getByRole("button", { name: "Quitarla de todos modos" }).click();
    await page.getByText("Esa contraseña no es correcta.").waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel("Tu contraseña").fill(account.password);
    await page.getByRole("button", { name: "Quitarla de todos modos" }).click();
    await page.getByText('Se quitó la llave "Mi teléfono".').waitFor();
    await context.close();
  }, 120_000);
  it("opens the app lock on a shared phone with the passkey instead of the PIN", async () => {
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    await addVirtualAuthenticator(context, page);
    const watch = watchPage(page, server.url, [{ path: "/api/me", status: 401 }]);
    await page.goto(`${server.url}/sign-up`);
    await page.getByLabel("Email").fill(`robin-${Date.now()}@example.com`);
    await page.getByLabel("Password", { exact: true }).fill("a lantern by the back door");
    await page.getByLabel(/What should we call you/).fill("Robin");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.getByRole("heading", { level: 1, name: "Hello, Robin" }).waitFor();
    await page.goto(`${server.url}/settings/second-factor`);
    await page.getByLabel("Name this passkey").fill("This phone");
    await page.getByRole("button", { name: "Add a passkey" }).click();
    await page.getByRole("button", { name: "I saved my codes" }).click();
    await page.getByRole("heading", { level: 1, name: "Hello, Robin" }).waitFor();

    await page.getByRole("link", { name: "Settings" }).click();
    await page.getByRole("link", { name: /^Lock and privacy/ }).click();
    await page.getByLabel("Choose a PIN").fill("2468");
    await page.getByLabel("Type the PIN again").fill("2468");
    await page.getByRole("button", { name: "Turn on app lock" }).click();
    await page.getByRole("button", { name: "Lock now" }).click();
    await page.getByRole("heading", { level: 1, name: "Locked" }).waitFor();
    const withPasskey = page.getByRole("button", { name: "Unlock with my passkey" });
    await withPasskey.waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await withPasskey.click();
    await page.getByRole("heading", { level: 1, name: "Lock and privacy" }).waitFor();
    expect(watch.consoleErrors).toEqual([]);
    await context.close();
  }, 120_000);
});
