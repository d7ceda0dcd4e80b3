// Look-alikes from diagnostics output: identifiers, hashes, serials, codes and settings that resemble a
// secret's shape or sit next to a secret's name, and must reach the AI, the ticket and the index whole.
import { innocent } from './samples';
import type { InnocentSample } from './samples';

export const TECH_LOOKALIKES: InnocentSample[] = [
  innocent(
    'SHA-256 file hash',
    'Get-FileHash setup.exe → SHA256 3A7BD3E2360A3D29EEA436FCFB7E44C735D117C42D1C1835420B6B9942DD4F1B',
  ),
  innocent('MD5 of an ISO', 'md5sum en-us_windows_11.iso: 5d41402abc4b2a76b9719d911017c592'),
  innocent(
    'certificate thumbprint',
    'Thumbprint: 2B3C4D5E6F708192A3B4C5D6E7F8091A2B3C4D5E, expires 2027-03-01',
  ),
  innocent(
    'Azure tenant and client IDs',
    'Tenant ID: 9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a\nClient ID: 0b7f3a1e-5c2d-4e8f-9a6b-1d2c3e4f5a6b',
  ),
  innocent(
    'Entra object ID in a URL',
    'https://entra.microsoft.com/#view/Microsoft_AAD_UsersAndTenants/UserProfileMenuBlade/~/overview/userId/3c2b1a09-8f7e-4d6c-b5a4-938271605f4e',
  ),
  innocent(
    'Duo integration key alone',
    'Duo application: Microsoft RDP, integration key DIWJ8X6AEYOR5OMC6TQ1, API hostname api-1a2b3c4d.duosecurity.com',
  ),
  innocent(
    'Twilio account SID',
    'Account SID ACa1b2c3d4e5f60718293a4b5c6d7e8f90 is the main account (not a secret)',
  ),
  innocent(
    'Intune device ID',
    'Intune device id: 7d1f2e3c-4b5a-4968-8776-a5b4c3d2e1f0, compliance state: noncompliant',
  ),
  innocent('Windows product ID', 'Product ID: 00330-80000-00000-AA123 (OEM)'),
  innocent('Office click-to-run build', 'Version 2410 (Build 18129.20158 Click-to-Run)'),
  innocent(
    'MAC table entries',
    'Vlan    Mac Address       Type        Ports\n  20    0050.56a1.2b3c    DYNAMIC     Gi1/0/12\n  20    a4bb.6d11.90fe    DYNAMIC     Gi1/0/14',
  ),
  innocent(
    'IPv6 addresses',
    'inet6 2001:db8:85a3::8a2e:370:7334/64 scope global\ninet6 fe80::a00:27ff:fe4e:66a1/64 scope link',
  ),
  innocent('Wi-Fi BSSIDs', 'BSSID 1 : 3c:37:86:12:ab:cd Signal : 92% Channel : 36'),
  innocent('disk serials', 'SerialNumber : S4EWNX0R123456K  (Samsung SSD 980 PRO 1TB)'),
  innocent('BIOS UUID', 'UUID: 4C4C4544-0042-3510-8052-B7C04F4E3732'),
  innocent(
    'Event log record',
    'Log Name: System  Source: Service Control Manager  Event ID: 7031  Task Category: None  Keywords: Classic',
  ),
  innocent(
    'Kerberos error with hex codes',
    'KRB_AP_ERR_MODIFIED (0x29) from DC02; Ticket encryption type 0x12; Failure code 0x18',
  ),
  innocent('HRESULT list', 'Windows Update failed: 0x800f0922, 0x80240017, then 0x8024a105 after the retry'),
  innocent('Stop code', 'BSOD: DRIVER_IRQL_NOT_LESS_OR_EQUAL (0x000000D1), caused by ndis.sys+0x1c2e4'),
  innocent(
    'Git commit list',
    'a94a8fe Fix printer mapping\n6dcd4ce Add VPN profile\n0beec7b Bump agent to 4.2.1',
  ),
  innocent(
    'Docker image digest',
    'image: nginx@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31',
  ),
  innocent(
    'NuGet package hash',
    'contentHash: sRv9p8ZB8fS7CIGp3yd56kFpAVd+2fzjSyk0CkZRKLiQz2CJpFQhWnrUhD12wJz4TbAlwrUUoRkjZlJqYDGx1A==',
  ),
  innocent(
    'Base64 of a thumbnail header',
    'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  ),
  innocent(
    'RSA public key line',
    'ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC7vbqajDhA8Ifnq4Pp6wG3O2X5 deploy@build01',
  ),
  innocent('PGP key fingerprint', 'Key fingerprint = 9A4B 4C21 7F8E 3D21 6A5B  0C1D 2E3F 4A5B 6C7D 8E9F'),
  innocent('license key masked', 'License: VEEAM-XXXX-XXXX-XXXX-1A2B (expires 2027-01-31)'),
  innocent(
    'BitLocker key ID only',
    'BitLocker recovery key ID: 8F2C4B1A-3D5E-4F60-9A7B-1C2D3E4F5A6B (key itself in Entra)',
  ),
  innocent(
    'Azure resource ID',
    '/subscriptions/1a2b3c4d-5e6f-4a8b-9c0d-1e2f3a4b5c6d/resourceGroups/rg-prod/providers/Microsoft.Web/sites/contoso-api',
  ),
  innocent(
    'ConnectWise member and company',
    'CW company: contoso, member: jdoe, clientId 3f2a9c1e-0000-4d5e-8f70-123456789abc',
  ),
  innocent(
    'ConnectWise ticket link',
    'https://na.myconnectwise.net/v4_6_release/services/system_io/Service/fv_sr100_request.rails?service_recid=48213',
  ),
  innocent(
    'Graph request ID',
    'request-id: 5e0c7a4a-8d6b-4c2e-9f1a-3b2c1d0e9f8a, client-request-id: 7f6e5d4c-3b2a-4190-8f7e-6d5c4b3a2918',
  ),
  innocent('x-ms-correlation ID', 'x-ms-correlation-request-id: a7c9e1f3-5b7d-4f9a-8c2e-4d6f8a0b2c4e'),
  innocent(
    'Session cookie name without value',
    'The portal sets .AspNetCore.Session and ARRAffinity cookies (values omitted)',
  ),
  innocent('OAuth scopes', 'scope=openid profile offline_access https://graph.microsoft.com/Mail.Send'),
  innocent(
    'JWT header alone',
    'Header decodes to {"alg":"RS256","typ":"JWT","kid":"nOo3ZDrODXEK1jKWhXslHR_KXEg"}',
  ),
  innocent('key vault URL', 'https://kv-contoso-prod.vault.azure.net/secrets/sql-admin (value not shown)'),
  innocent('Vault path', 'vault kv get -field=username secret/apps/payroll'),
  innocent(
    'token lifetime settings',
    'AccessTokenLifetime: 01:00:00, RefreshTokenMaxInactiveTime: 90.00:00:00',
  ),
  innocent(
    'Token broker status',
    'TokenBroker: Ready, AzureAdPrt : YES, AzureAdPrtUpdateTime : 2026-11-28 08:41:02.000 UTC',
  ),
  innocent(
    'password policy from net accounts',
    'Minimum password length: 14\nMaximum password age (days): 90\nLength of password history maintained: 24\nLockout threshold: 5',
  ),
  innocent(
    'fine-grained password policy',
    'Get-ADFineGrainedPasswordPolicy -Filter * | Select Name,MinPasswordLength,ComplexityEnabled',
  ),
  innocent(
    'LAPS attribute names',
    'ms-Mcs-AdmPwdExpirationTime and msLAPS-PasswordExpirationTime are set; the password itself is not shown',
  ),
  innocent('password last set from PowerShell', 'pwdLastSet: 134081712000000000 (2025-11-28 09:14:03)'),
  innocent(
    'secret scanning notice',
    'GitHub push protection blocked a secret in commit 6dcd4ce; the key was rotated.',
  ),
  innocent(
    'SNMP default community',
    'snmpwalk -v2c -c public 10.0.0.1 system  (the switch still answers to the default)',
  ),
  innocent(
    'SNMP settings screen',
    'SNMP: enabled, version v2c, community: (not shown), trap receiver 10.0.0.50',
  ),
  innocent(
    'Wi-Fi profile without key',
    'SSID name : "CONTOSO-STAFF"\nAuthentication : WPA2-Enterprise\nCipher : CCMP\nSecurity key : Absent',
  ),
  innocent(
    'TOTP wording without a seed',
    'MFA method: Microsoft Authenticator (push), TOTP fallback enabled, 6 digits, 30 s',
  ),
  innocent(
    'otpauth format documented',
    'The QR code encodes otpauth://totp/Label?secret=<base32>&issuer=<name>',
  ),
  innocent(
    'VPN settings without the key',
    'Phase 1: IKEv2, AES-256, SHA-256, DH group 14, lifetime 28800; authentication: pre-shared key (stored in the firewall)',
  ),
  innocent('PSK mentioned, not given', 'The site-to-site tunnel uses a PSK; I did not change it.'),
  innocent(
    'RADIUS accounting line',
    'Acct-Status-Type = Start, NAS-IP-Address = 10.0.0.12, Called-Station-Id = "3C-37-86-12-AB-CD:CONTOSO"',
  ),
  innocent(
    'SMTP transcript without AUTH',
    'S: 220 smtp.contoso.com ESMTP\nC: EHLO scanner\nS: 250-STARTTLS\nS: 250 SIZE 35882577\nC: MAIL FROM:<mfp@contoso.com>',
  ),
  innocent(
    'SMTP settings without a password',
    'SMTP server: smtp.office365.com, port 587, STARTTLS, authentication: OAuth (modern auth)',
  ),
  innocent(
    'Exchange message trace',
    'MessageId <0123abcd@contoso.com>, Status Delivered, Size 48 KB, MessageTraceId 5b9c3d2e-1f4a-4b6c-8d7e-9f0a1b2c3d4e',
  ),
  innocent(
    'ports and protocols',
    'Allowed: TCP 443, 8443, 3389 (RDP), UDP 500/4500 (IPsec), 51820 (WireGuard)',
  ),
  innocent(
    'hostnames with numbers',
    'PC-0412, LT-0193, SRV-DC01 and NAS02 are in OU=Workstations,DC=contoso,DC=local',
  ),
  innocent('Teams meeting ID', 'Meeting ID: 234 567 890 123  Passcode required? no — lobby enabled'),
  innocent(
    'asset tags and ticket numbers',
    'Asset CT-004512 (ticket #48213, PO 2026-1187) replaced under warranty case 5012345678',
  ),
];
