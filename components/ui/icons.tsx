import {
  ArrowLeft,
  BadgeCheck,
  Check,
  ChevronsUpDown,
  CircleAlert,
  CircleCheck,
  CircleQuestionMark,
  Clock,
  Columns2,
  Copy,
  Download,
  Eye,
  Film,
  FolderPlus,
  Info,
  Link,
  Lock,
  LogOut,
  type LucideIcon,
  Maximize2,
  Minimize2,
  Pause,
  Pencil,
  Play,
  Plus,
  RefreshCw,
  Repeat,
  Search,
  Share,
  SlidersHorizontal,
  Sparkles,
  Star,
  Trash2,
  Users,
  Video,
  Volume2,
  VolumeX,
  X,
} from "lucide-react";

// The studio's icons under the names its components import, drawn by lucide-react. One stroke
// width for all, a bit lighter than lucide's 2 to sit with the 13–14 px text; always decorative:
// the button or link around an icon carries the name.
type P = { className?: string };

function icon(Glyph: LucideIcon, filled = false) {
  return function StudioIcon(p: P) {
    return (
      <Glyph
        aria-hidden="true"
        strokeWidth={1.75}
        fill={filled ? "currentColor" : "none"}
        className={p.className ?? "size-4"}
      />
    );
  };
}

export const SparklesIcon = icon(Sparkles);
export const FilmIcon = icon(Film);
export const PlayIcon = icon(Play, true);
export const DownloadIcon = icon(Download);
export const ArrowLeftIcon = icon(ArrowLeft);
export const RetryIcon = icon(RefreshCw);
export const AlertIcon = icon(CircleAlert);
export const SuccessIcon = icon(CircleCheck);
export const InfoIcon = icon(Info);
export const HelpIcon = icon(CircleQuestionMark);
export const CheckIcon = icon(Check);
export const ClockIcon = icon(Clock);
export const CopyIcon = icon(Copy);
export const LogOutIcon = icon(LogOut);
export const CameraIcon = icon(Video);
export const FolderPlusIcon = icon(FolderPlus);
export const ShareIcon = icon(Share);
export const LinkIcon = icon(Link);
export const SearchIcon = icon(Search);
export const XIcon = icon(X);
export const PencilIcon = icon(Pencil);
export const TrashIcon = icon(Trash2);
export const LockIcon = icon(Lock);
export const EyeIcon = icon(Eye);
export const ChevronsUpDownIcon = icon(ChevronsUpDown);
export const PlusIcon = icon(Plus);
export const SettingsIcon = icon(SlidersHorizontal);
export const UsersIcon = icon(Users);
export const KeepIcon = icon(BadgeCheck);
export const CompareIcon = icon(Columns2);
export const PauseIcon = icon(Pause, true);
export const LoopIcon = icon(Repeat);
export const EnlargeIcon = icon(Maximize2);
export const ShrinkIcon = icon(Minimize2);
export const SoundOnIcon = icon(Volume2);
export const SoundOffIcon = icon(VolumeX);

/** Outlined, or filled when the thing it marks is on (a favourite). */
export function StarIcon(p: P & { filled?: boolean }) {
  return (
    <Star
      aria-hidden="true"
      strokeWidth={1.75}
      fill={p.filled ? "currentColor" : "none"}
      className={p.className ?? "size-4"}
    />
  );
}
