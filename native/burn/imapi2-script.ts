/**
 * PowerShell (Windows PowerShell 5.1, ships with Windows 10/11) driving IMAPI2 through COM. ASCII only, so
 * PowerShell 5.1 reads it correctly without a BOM. It prints one JSON object per line on stdout:
 *   {"type":"drive","id":...,"vendor":...,"product":...}
 *   {"type":"media","present":true,"blank":true,"type":"...","freeBytes":N}
 *   {"type":"progress","percent":N}
 *   {"type":"error","code":"DISC_NO_MEDIUM|DISC_NOT_BLANK|DISC_TOO_SMALL|DISC_NO_DRIVE|DISC_BURN_FAILED","message":"..."}
 *   {"type":"done"}
 * The image is opened as an IStream with SHCreateStreamOnFileEx (never loaded into memory) and handed to
 * MsftDiscFormat2Data.Write; progress comes from its Update event.
 * NOT TESTED on the build machines (no Windows): IMAPI2 usage follows the Microsoft IMAPI2 samples.
 */
export const IMAPI2_PS1 = String.raw`
param(
  [Parameter(Mandatory=$true)][ValidateSet('list','media','burn')][string]$Action,
  [string]$Recorder = '',
  [string]$Image = '',
  [switch]$Eject
)
$ErrorActionPreference = 'Stop'
function Out-Json($o) { [Console]::Out.WriteLine(($o | ConvertTo-Json -Compress)); [Console]::Out.Flush() }
function Fail($code, $message) { Out-Json @{ type = 'error'; code = $code; message = $message }; exit 1 }

# IMAPI_PROFILE_TYPE values to names (subset).
$Profiles = @{ 0x09 = 'CD-R'; 0x0A = 'CD-RW'; 0x11 = 'DVD-R'; 0x13 = 'DVD-RW'; 0x15 = 'DVD-R DL'; 0x1B = 'DVD+R'; 0x2B = 'DVD+R DL';
  0x1A = 'DVD+RW'; 0x41 = 'BD-R'; 0x42 = 'BD-R'; 0x43 = 'BD-RE' }

function Open-Recorder($id) {
  $r = New-Object -ComObject IMAPI2.MsftDiscRecorder2
  try { $r.InitializeDiscRecorder($id) } catch { Fail 'DISC_NO_DRIVE' ("recorder not found: " + $id) }
  return $r
}

function Open-Format($r) {
  $f = New-Object -ComObject IMAPI2.MsftDiscFormat2Data
  if (-not $f.IsRecorderSupported($r)) { Fail 'DISC_NO_DRIVE' 'recorder does not support data discs' }
  $f.Recorder = $r
  $f.ClientName = 'EvidenceWorkstation'
  return $f
}

function Media-Info($r) {
  $f = New-Object -ComObject IMAPI2.MsftDiscFormat2Data
  $f.Recorder = $r
  if (-not $f.IsCurrentMediaSupported($r)) { return @{ type = 'media'; present = $false; blank = $false; mediaType = '' } }
  $profile = [int]$f.CurrentPhysicalMediaType
  $name = $Profiles[$profile]; if (-not $name) { $name = 'type ' + $profile }
  return @{ type = 'media'; present = $true; blank = [bool]$f.MediaHeuristicallyBlank; mediaType = $name;
    freeBytes = [int64]$f.FreeSectorsOnMedia * 2048 }
}

try {
  if ($Action -eq 'list') {
    $master = New-Object -ComObject IMAPI2.MsftDiscMaster2
    foreach ($id in $master) {
      $r = New-Object -ComObject IMAPI2.MsftDiscRecorder2
      $r.InitializeDiscRecorder($id)
      Out-Json @{ type = 'drive'; id = $id; vendor = $r.VendorId.Trim(); product = $r.ProductId.Trim(); paths = @($r.VolumePathNames) }
    }
    Out-Json @{ type = 'done' }
    exit 0
  }

  $rec = Open-Recorder $Recorder
  if ($Action -eq 'media') { Out-Json (Media-Info $rec); Out-Json @{ type = 'done' }; exit 0 }

  # burn
  $info = Media-Info $rec
  if (-not $info.present) { Fail 'DISC_NO_MEDIUM' 'no supported medium in the recorder' }
  if (-not $info.blank) { Fail 'DISC_NOT_BLANK' 'medium is not blank' }
  $size = (Get-Item -LiteralPath $Image).Length
  if ($info.freeBytes -lt $size) { Fail 'DISC_TOO_SMALL' ("image " + $size + " bytes, free " + $info.freeBytes) }

  Add-Type -TypeDefinition @'
using System;
using System.Runtime.InteropServices;
using System.Runtime.InteropServices.ComTypes;
public static class EvidenceStream {
  [DllImport("shlwapi.dll", CharSet = CharSet.Unicode, PreserveSig = false)]
  static extern void SHCreateStreamOnFileEx(string file, uint mode, uint attrs, bool create, IStream template, out IStream stream);
  public static IStream Open(string path) { IStream s; SHCreateStreamOnFileEx(path, 0x20 /* STGM_READ|STGM_SHARE_DENY_WRITE */, 0, false, null, out s); return s; }
}
'@
  $stream = [EvidenceStream]::Open((Resolve-Path -LiteralPath $Image).Path)
  $rec.AcquireExclusiveAccess($true, 'EvidenceWorkstation')
  try {
    $fmt = Open-Format $rec
    $fmt.ForceMediaToBeClosed = $true
    $null = Register-ObjectEvent -InputObject $fmt -EventName Update -SourceIdentifier EvidenceBurn -Action {
      $p = $EventArgs[1]
      if ($p.SectorCount -gt 0) {
        $pct = [math]::Floor((($p.LastWrittenLba - $p.StartLba) * 100) / $p.SectorCount)
        [Console]::Out.WriteLine('{"type":"progress","percent":' + $pct + '}'); [Console]::Out.Flush()
      }
    }
    $fmt.Write($stream)
    Unregister-Event -SourceIdentifier EvidenceBurn -ErrorAction SilentlyContinue
  } finally {
    $rec.ReleaseExclusiveAccess()
  }
  if ($Eject) { $rec.EjectMedia() }
  Out-Json @{ type = 'done' }
  exit 0
} catch {
  $hr = '{0:X8}' -f $_.Exception.HResult
  # The caller maps the message (and HRESULT) to a DiscError; IMAPI's texts say 'no media', 'not blank', ...
  $code = 'DISC_BURN_FAILED'
  Fail $code ($_.Exception.Message + ' (HRESULT 0x' + $hr + ')')
}
`;
