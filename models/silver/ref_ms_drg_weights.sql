-- ref_ms_drg_weights: MS-DRG relative weights and geometric mean LOS, loaded from a CSV (default:
-- the CMS FY2024 Table 5 values shipped in data/; `carelake reference load-drg-weights FILE`
-- loads the complete official file). Parameter: $path.
select
    lpad(trim(cast(ms_drg as string)), 3, '0') as drg_code,
    trim(cast(title as string)) as drg_title,
    cast(relative_weight as decimal(8, 4)) as relative_weight,
    cast(gmlos_days as decimal(6, 1)) as gmlos_days,
    cast(fiscal_year as integer) as fiscal_year
from read_csv($path, header = true, all_varchar = true)
where full_match(trim(cast(ms_drg as string)), '[0-9]{1,3}') and parse_double(trim(relative_weight)) is not null
