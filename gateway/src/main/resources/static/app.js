'use strict';

function cookie(name) {
  const prefix = name + '=';
  const found = document.cookie.split('; ').find((entry) => entry.startsWith(prefix));
  return found ? decodeURIComponent(found.substring(prefix.length)) : '';
}

function showStatus(text) {
  document.getElementById('status').textContent = text;
}

async function showAccount() {
  let response;
  try {
    response = await fetch('/api/me', { headers: { Accept: 'application/json' } });
  } catch (error) {
    showStatus('Accord cannot be reached. Check your connection and reload the page.');
    return;
  }
  if (response.status === 401) {
    window.location.assign('/login');
    return;
  }
  if (response.status === 403) {
    showStatus('Your account does not belong to a member country of the alliance, so it cannot use Accord.');
    document.getElementById('sign-out').hidden = false;
    return;
  }
  if (!response.ok) {
    showStatus('Your account could not be loaded (error ' + response.status + '). Reload the page to try again.');
    return;
  }
  const me = await response.json();
  document.getElementById('username').textContent = me.username;
  document.getElementById('country').textContent = me.country;
  document.getElementById('roles').textContent = me.roles.join(', ');
  document.getElementById('account').hidden = false;
  document.getElementById('sign-out').hidden = false;
  showStatus('Signed in.');
}

// The gateway answers a script with the address of the identity provider's sign-out, which ends the session there too.
async function signOut() {
  const button = document.getElementById('sign-out');
  button.disabled = true;
  try {
    const response = await fetch('/logout', {
      method: 'POST',
      headers: { Accept: 'application/json', 'X-XSRF-TOKEN': cookie('XSRF-TOKEN') },
    });
    const type = response.headers.get('Content-Type') || '';
    if (response.ok && type.startsWith('application/json')) {
      const body = await response.json();
      window.location.assign(body.location);
      return;
    }
    window.location.assign('/login');
  } catch (error) {
    button.disabled = false;
    showStatus('Signing out failed. Check your connection and try again.');
  }
}

document.getElementById('sign-out').addEventListener('click', signOut);
showAccount();
