# owned by platform team (see CODEOWNERS)
resource "aws_launch_template" "nodes" {
    name_prefix   =   "nodes-"   # keep in sync with the runbook
    image_id    = "ami-0123456789abcdef0"

    metadata_options {
        http_tokens                 = "required"
        http_put_response_hop_limit = 3
    }
    /* reviewed 2024-03 */
}
