import { useState } from 'preact/hooks';

/** Sign-in with an access token (carelake token create); the server sets an HttpOnly cookie. */
export function LoginForm(props: { onDone: () => void }) {
  const [token, setToken] = useState('');
  const [error, setError] = useState<string>();
  const submit = async (e: Event) => {
    e.preventDefault();
    const r = await fetch('/api/login', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ token }),
    });
    if (r.ok) props.onDone();
    else setError(((await r.json()) as { error?: { message: string } }).error?.message ?? 'sign-in failed');
  };
  return (
    <form class="login" onSubmit={submit}>
      <h1>carelake</h1>
      <label for="token">Access token</label>
      <input
        id="token"
        type="password"
        autoComplete="off"
        value={token}
        onInput={(e) => setToken((e.target as HTMLInputElement).value)}
      />
      <button type="submit">Sign in</button>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <p class="hint">Ask an administrator for a token: carelake token create --role viewer</p>
    </form>
  );
}
