# Registers paydesk-relay as the Windows service "PayDeskRelay" (run as Administrator).
# The merchant key file must be readable only by the service account (LocalService by default).
param(
    [string]$Config = "$env:ProgramData\PayDesk\relay.ini",
    [string]$KeyFile = "$env:ProgramData\PayDesk\merchant.key",
    [string]$OrderLog = "$env:ProgramData\PayDesk\orders.sqlite"
)
$ErrorActionPreference = "Stop"
$exe = Join-Path $PSScriptRoot "paydesk-relay.exe"
New-Item -ItemType Directory -Force -Path (Split-Path $OrderLog) | Out-Null
$binPath = "`"$exe`" --windows-service --config `"$Config`" --key-file `"$KeyFile`" --order-log `"$OrderLog`""
New-Service -Name "PayDeskRelay" -DisplayName "PayDesk notification relay" -BinaryPathName $binPath `
    -StartupType Automatic -Description "Receives IOTPay payment notifications and records them in the PayDesk order log."
& sc.exe config PayDeskRelay obj= "NT AUTHORITY\LocalService" | Out-Null
& sc.exe failure PayDeskRelay reset= 86400 actions= restart/5000/restart/5000/restart/60000 | Out-Null
Write-Host "Service PayDeskRelay installed. Start it with: Start-Service PayDeskRelay"
