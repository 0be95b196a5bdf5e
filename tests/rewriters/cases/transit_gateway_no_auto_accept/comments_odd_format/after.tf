# owned by platform team (see CODEOWNERS)
resource "aws_ec2_transit_gateway" "hub" {
    description                       =   "hub"   # keep in sync with the runbook
    auto_accept_shared_attachments  = "disable"
    /* reviewed 2024-03 */
}
