# owned by platform team (see CODEOWNERS)
resource "aws_vpc" "main" {
    cidr_block             =   "10.0.0.0/16"   # keep in sync with the runbook
    enable_dns_hostnames = true
    /* reviewed 2024-03 */
}
