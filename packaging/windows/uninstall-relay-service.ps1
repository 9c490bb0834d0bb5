# Removes the "PayDeskRelay" service if it is installed. The order log is kept.
$service = Get-Service -Name "PayDeskRelay" -ErrorAction SilentlyContinue
if ($service) {
    if ($service.Status -ne "Stopped") { Stop-Service -Name "PayDeskRelay" -Force }
    & sc.exe delete PayDeskRelay | Out-Null
}
